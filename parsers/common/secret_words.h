// The vocabulary of mask_secrets (secret_mask.cpp): the words of every supported dialect that
// carry a secret, the words that may stand between such a keyword and its value, the words that
// end a value, and the shapes of encoded secrets. These are vendor words, so they live in
// parsers/; nothing outside parsers/common uses them directly.
#pragma once
#include <string_view>

namespace gp::parsers::secret_words {

// The value after it is a secret: password, secret, key, community, pre-shared-key, wpa-psk...
bool is_keyword(std::string_view lower_word);
// May sit between a keyword and its value: a storage type (0/5/7/8/9 are numbers, `ascii`,
// `hex`, `encrypted`, `text`, `ENC`, `plain`, `hash`), an algorithm (`md5` in
// `authentication-key 1 md5 X`), `level`, `read-only`, `local`...
bool is_type_word(std::string_view lower_word);
// The next field of the command, never part of a secret: `privilege`, `RO`, `address`, `mode`...
bool is_stop_word(std::string_view lower_word);
// An authentication or privacy algorithm: in SNMPv3 users (`auth sha X priv aes 128 Y`) the
// secret follows it.
bool is_algorithm(std::string_view lower_word);
// A FortiOS `set` key whose value is a secret (`passwd`, `psksecret`, `private-key`, `auth-pwd`...).
bool is_fortios_secret_key(std::string_view lower_word);
// Already hidden by the device or the backup tool: `*`, `*****`, `<removed>`.
bool is_already_masked(std::string_view word);
// An encoded secret wherever it stands: crypt hashes (`$1$`, `$5$`, `$8$`, `$9$`, `$sha512$`...),
// long base64 (FortiOS ENC blobs, Yamaha encrypted tokens, SSH host keys), long hex (Cisco type
// 7). Addresses, MACs, interface and object names are not.
bool looks_encoded(std::string_view word);
// An IPv4 address, prefix, range or list ("10.0.0.1", "10.0.0.0/8", "1.1.1.1-1.1.1.9").
bool looks_like_address(std::string_view word);
// A small decimal number (key id, storage type, key length), at most five digits.
bool is_small_number(std::string_view word);

}  // namespace gp::parsers::secret_words
