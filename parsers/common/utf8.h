// Strict UTF-8 validation shared by the text decoder and the ANTLR input guard: one definition of
// "well-formed", so nothing the decoder lets through can make the ANTLR runtime throw.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace gp::parsers {

// Length (1-4) of the well-formed UTF-8 sequence starting at s[i], or 0 when none starts there.
// Well-formed as in Unicode Table 3-7: no overlong forms (C0, C1, E0 80-9F, F0 80-8F), no UTF-16
// surrogates (ED A0-BF), nothing above U+10FFFF (F4 90+, F5-FF), no truncated sequence.
// NUL is well-formed UTF-8 and gets length 1: callers that cannot take it check it themselves.
size_t utf8_sequence_length(std::string_view s, size_t i);

// The code point of the well-formed sequence of `len` bytes at s[i] (see utf8_sequence_length).
char32_t utf8_code_point(std::string_view s, size_t i, size_t len);

// Copies `in`, replacing every byte that does not belong to a well-formed sequence, and every
// NUL, by `replacement`. Line breaks are ASCII, so line numbers are unchanged.
std::string replace_invalid_utf8(std::string_view in, std::string_view replacement);

}  // namespace gp::parsers
