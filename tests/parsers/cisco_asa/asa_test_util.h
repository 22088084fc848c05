// Helpers shared by the ASA parser tests.
#pragma once
#include <string>

#include "model/device.h"
#include "parsers/cisco_asa/cisco_asa.h"

namespace gp::test::asa {

inline model::Device parse(const std::string& text) { return parsers::parse_cisco_asa(text, "asa.cfg"); }

inline const model::Interface* ifc(const model::Device& d, const std::string& nameif) {
  for (const auto& i : d.interfaces)
    if (i.nameif == nameif || i.name == nameif) return &i;
  return nullptr;
}

inline bool has_unrecognised_line(const model::Device& d, int line) {
  for (const auto& u : d.unrecognised)
    if (u.src_ref.line == line) return true;
  return false;
}

// Every string the model holds, for "the clear text never appears" checks.
inline std::string all_text(const model::Device& d) {
  std::string s = d.name + "\n" + d.hostname + "\n" + d.os_version + "\n" + d.global_filter + "\n";
  for (const auto& i : d.interfaces) {
    s += i.name + i.description + i.nameif + i.parent + i.dialer_pool + i.filter_in + i.filter_out +
         i.crypto_map + "\n";
    for (const auto& [k, r] : i.other_refs) s += k + "\n";
    for (const auto& [k, r] : i.ipv6) s += k + "\n";
  }
  for (const auto& [n, f] : d.filters) {
    s += n + "\n";
    for (const auto& r : f.rules) s += r.text + r.why_not_understood + "\n";
  }
  for (const auto& r : d.nat) s += r.text + r.why_not_understood + r.mapped_interface + "\n";
  for (const auto& r : d.routes) s += r.out_interface + r.why_not_understood + "\n";
  for (const auto& v : d.vpns) {
    s += v.name + v.interface + v.filter + v.authentication + v.why_not_understood + "\n";
    for (const auto& p : v.proposals) s += p.text + "\n";
  }
  for (const auto& m : d.services) {
    s += m.version.value_or("") + m.access_filter + "\n";
    for (const auto& c : m.ciphers) s += c + "\n";
    for (const auto& c : m.allowed_interfaces) s += c + "\n";
  }
  for (const auto& x : d.secrets) s += x.owner + x.storage_id + x.digest + x.access + "\n";
  for (const auto& u : d.unrecognised) s += u.text + u.context_name + "\n";
  for (const auto& [n, r] : d.notes) s += n + "\n";
  return s;
}

}  // namespace gp::test::asa
