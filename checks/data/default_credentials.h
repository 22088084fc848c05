// Tables of known default and guessable credentials (data only). The checks compare fingerprints
// (model::Secret::digest, FNV-1a 64 of the stored string) against fingerprints computed from these
// values, so no secret of the audited network is ever decoded or printed.
#pragma once
#include <vector>

namespace gp::checks::data {

struct DefaultCredential {
  const char* vendor;    // vendor / product as the source names it
  const char* user;      // "" = none or blank
  const char* password;  // "" = blank
  const char* source;    // where the fact comes from
};

// Curated network and OT vendor defaults, each with its source (vendor manual, CIS text, CISA
// alert, SCADAPASS); see default_credentials.cpp.
const std::vector<DefaultCredential>& curated_default_credentials();
// Rows of the DefaultCreds cheat sheet (MIT) for Cisco, network and OT vendors (generated).
const std::vector<DefaultCredential>& defaultcreds_rows();
// Passwords that are not vendor defaults but are trivially guessed (dictionary heads).
const std::vector<const char*>& guessable_passwords();

// Stored forms that are deterministic (unsalted) and so can be matched as written: Cisco ASA/PIX
// "enable password X encrypted" / "passwd X encrypted" (PIX-MD5 of the password alone).
struct KnownStoredForm {
  const char* storage_id;  // model::Secret::storage_id it applies to, e.g. "asa-md5"
  const char* stored;      // the string as it appears in the configuration
  const char* password;    // the clear value it stands for ("" = blank)
};
const std::vector<KnownStoredForm>& known_stored_forms();

}  // namespace gp::checks::data
