// Configuration text quoted in the model (a line not understood, a rule as written, a reason):
// secrets hidden and long lines cut, by one function for every dialect, applied once more to the
// whole device by parse_device (parsers/registry.cpp), so no parser can forget it.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "model/device.h"

namespace gp::parsers {

// What replaces a secret (one marker for a value of several words).
inline constexpr std::string_view kRemoved = "<removed>";
// Characters of a quoted line that are kept; the rest is replaced by "… (N more characters)".
inline constexpr size_t kQuoteKeep = 200;

// The function to call: `text` as it may appear in a report. Every secret is hidden (see
// mask_secrets), then the line is cut to kQuoteKeep characters on a UTF-8 character boundary,
// saying how many characters were cut. Idempotent: quoting a quote changes nothing.
std::string quote_config_text(std::string_view text);

// Hides the value after every secret-bearing keyword of every supported dialect (password,
// secret, key, community, pre-shared-key, wpa-psk, psksecret, FortiOS `set <secret key>`, SNMPv3
// `auth sha X priv aes 128 Y`, Yamaha `pp auth myname ID PW`...), with any storage type or key
// number in between, and every token that looks like an encoded secret wherever it stands (crypt
// hashes, ENC blobs, long base64 or hex). Keywords, user names and the rest of the line stay.
// Knows no context: a line is judged alone, and words it does not know are left as they are.
std::string mask_secrets(std::string_view text);

// mask_secrets over the first `max_words` words only (a 20 MB line has millions): returns the
// masked text of text[0, examined); what follows `examined` was not judged and must not be shown.
std::string mask_secrets_head(std::string_view text, size_t max_words, size_t& examined);

// The chokepoint: quote_config_text over every free-text field of `d` that holds configuration
// text (unrecognised lines, rule and NAT texts, why_not_understood of rules, NAT, routes and
// VPNs, notes, damage, interface descriptions).
void quote_device_text(model::Device& d);

}  // namespace gp::parsers
