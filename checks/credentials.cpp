#include "checks/credentials.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "checks/data/default_credentials.h"
#include "checks/exposure_context.h"

namespace gp::checks {

using model::SecretKind;
using model::SecretStorage;

std::string fnv1a_hex(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char ch : s) {
    h ^= ch;
    h *= 0x100000001b3ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// Cisco type 7: a two-digit salt (index into a fixed key), then each byte XORed with the key,
// as two hex digits. Deterministic per salt, so every encoding of a known password can be listed.
std::string cisco_type7_encode(const std::string& clear, int salt, bool upper) {
  static const char kKey[] = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87";
  const int n = static_cast<int>(sizeof kKey) - 1;
  char buf[4];
  std::snprintf(buf, sizeof buf, "%02d", salt);
  std::string out = buf;
  for (size_t i = 0; i < clear.size(); ++i) {
    unsigned v = static_cast<unsigned char>(clear[i]) ^ static_cast<unsigned char>(kKey[(salt + i) % n]);
    std::snprintf(buf, sizeof buf, upper ? "%02X" : "%02x", v);
    out += buf;
  }
  return out;
}

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

const char* kind_name(SecretKind k) {
  switch (k) {
    case SecretKind::Password:
      return "password";
    case SecretKind::EnableSecret:
      return "enable password";
    case SecretKind::SnmpCommunity:
      return "SNMP community";
    case SecretKind::PreSharedKey:
      return "pre-shared key";
    case SecretKind::RadiusKey:
      return "AAA server key";
    case SecretKind::Other:
      return "key";
  }
  return "secret";
}

std::string who(const model::Secret& s) {
  std::string k = kind_name(s.kind);
  if (s.owner.empty()) return k;
  if (s.owner == "enable") return "enable password";
  if (s.owner == "(login passwd)") return "login password (passwd)";
  // A device-wide password the parser names by its role ("(login)", "(administrator)"): said in
  // those words, whatever kind the model files it under.
  if (s.owner.size() > 2 && s.owner.front() == '(' && s.owner.back() == ')')
    return s.owner.substr(1, s.owner.size() - 2) + " password";
  if (s.kind == SecretKind::Password && s.owner.find(' ') == std::string::npos && s.owner[0] != '(')
    return "password of user " + s.owner;
  return k + " of " + s.owner;
}

// No password at all: configured so ("nopassword"), or absent where the factory default is none.
bool is_nopassword(const model::Secret& s) {
  return s.storage == SecretStorage::Absent || s.storage_id == "nopassword" ||
         s.storage_id == "asa-nopassword";
}

// A known password: the first table row that lists it, for the message.
struct Known {
  std::string password;
  const data::DefaultCredential* row = nullptr;  // nullptr: from the guessable list only
};

// Fingerprints of every stored form of every known password, by form.
struct KnownDigests {
  std::map<std::string, Known> plain, type7, asa_md5;
};

const KnownDigests& known_digests() {
  static const KnownDigests k = [] {
    KnownDigests d;
    std::map<std::string, const data::DefaultCredential*> passwords;
    for (const auto* table : {&data::curated_default_credentials(), &data::defaultcreds_rows()})
      for (const auto& r : *table)
        if (*r.password && !passwords.count(r.password)) passwords[r.password] = &r;
    for (const char* g : data::guessable_passwords())
      if (!passwords.count(g)) passwords[g] = nullptr;
    for (const auto& [p, row] : passwords) {
      Known kn{p, row};
      d.plain.emplace(fnv1a_hex(p), kn);
      for (int salt = 0; salt < 16; ++salt)
        for (bool up : {true, false}) d.type7.emplace(fnv1a_hex(cisco_type7_encode(p, salt, up)), kn);
    }
    for (const auto& f : data::known_stored_forms()) {
      Known kn{f.password, nullptr};
      auto it = passwords.find(f.password);
      if (it != passwords.end()) kn.row = it->second;
      d.asa_md5.emplace(fnv1a_hex(f.stored), kn);
    }
    return d;
  }();
  return k;
}

// The table row that pairs `user` with `password`, preferring the device's vendor.
const data::DefaultCredential* default_pair(const std::string& user, const std::string& password,
                                            model::Vendor vendor) {
  const data::DefaultCredential* best = nullptr;
  const std::string u = lower(user);
  for (const auto* table : {&data::curated_default_credentials(), &data::defaultcreds_rows()})
    for (const auto& r : *table) {
      if (password != r.password || lower(r.user) != u) continue;
      bool cisco = lower(r.vendor).find("cisco") != std::string::npos;
      bool want = vendor == model::Vendor::CiscoIos || vendor == model::Vendor::CiscoAsa;
      if (!best || (cisco && want)) best = &r;
      if (cisco && want) return best;
    }
  return best;
}

bool is_login_secret(const model::Secret& s) {
  return s.kind == SecretKind::Password || s.kind == SecretKind::EnableSecret;
}

// Keys compared with the same tables (a guessable IPsec or AAA key is as weak as a password).
bool is_key(const model::Secret& s) {
  return s.kind == SecretKind::PreSharedKey || s.kind == SecretKind::RadiusKey;
}

}  // namespace

void check_default_password(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  const auto& kd = known_digests();
  for (const auto& d : ctx.snap.devices)
    for (const auto& s : d.secrets) {
      if ((!is_login_secret(s) && !is_key(s)) || is_nopassword(s)) continue;
      const std::map<std::string, Known>* table = nullptr;
      std::string form;
      if (s.storage == SecretStorage::Plain) {
        table = &kd.plain;
        form = "stored in clear text";
      } else if (s.storage == SecretStorage::Fixed) {
        table = &kd.plain;
        form = "a fixed value built into the device, which the configuration leaves on";
      } else if (s.storage_id == "cisco-type-7") {
        table = &kd.type7;
        form = "stored with type 7 encoding";
      } else if (s.storage_id == "asa-md5" && (s.owner == "enable" || s.owner == "(login passwd)")) {
        table = &kd.asa_md5;  // unsalted only for these two; username hashes include the name
        form = "stored as an unsalted MD5 'encrypted' value";
      }
      if (!table) continue;
      auto it = table->find(s.digest);
      if (it == table->end()) continue;
      const Known& k = it->second;
      std::string msg = who(s) + " (" + form + ") ";
      std::string user = s.owner == "enable" || s.owner == "(login passwd)" ? "" : s.owner;
      if (k.password.empty()) {
        msg += "is blank, the factory default";
      } else if (const auto* pair = default_pair(user, k.password, d.vendor)) {
        msg += "is the factory default credential of " + std::string(pair->vendor) +
               " (source: " + pair->source + ")";
      } else if (k.row) {
        msg += "equals a published default password (" + std::string(k.row->vendor) +
               ", source: " + k.row->source + ")";
      } else {
        msg += "is in the list of trivially guessed passwords";
      }
      msg += "; the value is not shown";
      Finding f = make_finding(info, d.name, s.src_ref, msg);
      f.severity = weigh(ctx, d, info.severity);
      out.push_back(std::move(f));
    }
}

void check_no_password(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices)
    for (const auto& s : d.secrets) {
      if (!is_nopassword(s)) continue;
      std::string msg = s.storage == SecretStorage::Absent
                            ? who(s) +
                                  " is not set: no line of the configuration sets it, and the factory "
                                  "default is no password"
                            : "user " + s.owner + " has no password (nopassword)";
      if (s.privilege >= 0) msg += ", privilege " + std::to_string(s.privilege);
      Finding f = make_finding(info, d.name, s.src_ref.known() ? s.src_ref : file_ref(d), msg);
      f.severity = weigh(ctx, d, info.severity);
      out.push_back(std::move(f));
    }
}

void check_reversible_storage(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices)
    for (const auto& s : d.secrets) {
      if (s.kind == SecretKind::SnmpCommunity || is_nopassword(s) || s.storage == SecretStorage::Fixed)
        continue;  // communities: SNMP checks; a built-in value is not stored by the configuration
      std::string how;
      if (s.storage == SecretStorage::Plain)
        how = "in clear text";
      else if (s.storage_id == "cisco-type-7")
        how = "with Cisco type 7 encoding, which anyone can reverse";
      else
        continue;  // type 6 / ASA "8": AES with the device master key, the recommended reversible form
      out.push_back(make_finding(info, d.name, s.src_ref, who(s) + " is stored " + how));
    }
}

void check_weak_hash(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices)
    for (const auto& s : d.secrets) {
      if (s.storage != SecretStorage::WeakHash || s.storage_id == "asa-snmp-localized") continue;
      std::string how = s.storage_id;
      if (s.storage_id == "cisco-type-5")
        how = "type 5 (MD5-crypt, 1,000 iterations)";
      else if (s.storage_id == "cisco-type-4")
        how = "type 4 (single-iteration SHA-256, withdrawn)";
      else if (s.storage_id == "asa-md5")
        how = "ASA 'encrypted' (MD5-based)";
      else if (s.storage_id == "asa-nt-md4")
        how = "ASA 'nt-encrypted' (MD4)";
      out.push_back(make_finding(info, d.name, s.src_ref,
                                 who(s) + " is hashed with " + how + "; offline guessing is cheap"));
    }
}

void check_reused_secret(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  struct Use {
    const model::Device* dev;
    const model::Secret* sec;
  };
  const std::string empty = fnv1a_hex("");
  std::map<std::string, std::vector<Use>> by_digest;  // first use per device
  for (const auto& d : ctx.snap.devices)
    for (const auto& s : d.secrets) {
      if (s.digest.empty() || s.digest == empty || s.storage == SecretStorage::Masked ||
          s.storage == SecretStorage::Unknown || s.storage == SecretStorage::Fixed || is_nopassword(s))
        continue;  // a built-in value (the same on every device of the model) is not a reuse
      // The clear value when the parser recovered it (plain, type 7 under any salt), else the
      // stored string: two hashes with different salts cannot be compared.
      // A plain secret's stored string is its clear value, whichever parser forgot to say so.
      const std::string& clear = !s.clear_digest.empty()             ? s.clear_digest
                                 : s.storage == SecretStorage::Plain ? s.digest
                                                                     : s.clear_digest;
      auto& uses = by_digest[clear.empty() ? "stored:" + s.digest : "clear:" + clear];
      bool seen = false;
      for (const auto& u : uses) seen |= u.dev == &d;
      if (!seen) uses.push_back({&d, &s});
    }
  for (const auto& [digest, uses] : by_digest) {
    if (uses.size() < 2) continue;
    for (const auto& u : uses) {
      std::string others;
      for (const auto& o : uses)
        if (o.dev != u.dev)
          others += (others.empty() ? "" : ", ") + o.dev->name + " (" + o.sec->src_ref.str() + ")";
      out.push_back(make_finding(
          info, u.dev->name, u.sec->src_ref,
          who(*u.sec) + ": the same " + (u.sec->clear_digest.empty() ? "stored value" : "value") +
              " is used on " + std::to_string(uses.size() - 1) + " other device(s): " + others));
    }
  }
}

void check_snmp_community(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  static const std::set<std::string> kDefaults = [] {
    std::set<std::string> s;
    for (const char* c : {"public", "private", "PUBLIC", "PRIVATE", "Public", "Private", "community", "snmp",
                          "cisco", "secret", "admin", "manager", "write", "read", "monitor"})
      s.insert(fnv1a_hex(c));
    return s;
  }();
  for (const auto& d : ctx.snap.devices)
    for (const auto& s : d.secrets) {
      if (s.kind != SecretKind::SnmpCommunity || s.storage != SecretStorage::Plain) continue;
      std::string why;
      if (kDefaults.count(s.digest))
        why = "is a vendor default or well-known community string";
      else if ((!d.hostname.empty() &&
                (s.digest == fnv1a_hex(d.hostname) || s.digest == fnv1a_hex(lower(d.hostname)))) ||
               s.digest == fnv1a_hex(d.name))
        why = "equals the device's host name";
      else
        continue;
      bool rw = s.access == "RW";
      Finding f = make_finding(
          info, d.name, s.src_ref,
          "SNMP community " + why + (rw ? ", with write access (RW)" : "") + "; the value is not shown");
      if (rw) f.severity = weigh(ctx, d, info.severity);
      out.push_back(std::move(f));
    }
}

}  // namespace gp::checks
