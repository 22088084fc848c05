// Address translation rules, vendor-neutral.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/ipv4.h"
#include "base/source_ref.h"
#include "model/filter.h"

namespace gp::model {

enum class NatKind {
  Static,      // 1:1 (host or prefix, same length) both directions: inside real <-> global
  StaticPort,  // port forward: global addr:port -> real addr:port for one protocol
  Dynamic,     // many-to-many from a pool, outbound only (new flows from inside)
  Pat,         // many-to-one (overload / interface PAT), outbound only
  Identity,    // "no translation" (ASA nat exemption, twice NAT to itself)
};

// A NAT rule in neutral form. "real" = address as seen inside (the protected side),
// "mapped" = address as seen from the other side. Direction of interfaces follows the vendor:
// for IOS, inside/outside interface roles; for ASA, real_ifc/mapped_ifc names (or "any").
struct NatRule {
  NatKind kind = NatKind::Static;
  // Which packets the rule translates (outbound direction: from real side).
  std::vector<AddrMatch> real_src{AddrMatch::any()};  // source as it is on the real side
  std::optional<Prefix> mapped_src;  // Static/StaticPort: the global address/prefix; Dynamic: pool
                                     // first address (range is `pool`); Pat: address used
  std::vector<Prefix> pool;          // dynamic pools (each a range as prefixes), informational
  bool mapped_is_interface = false;  // PAT/static to the egress interface's own address
  std::string mapped_interface;      // interface whose address is used (IOS "interface X")
  // Port forwards (StaticPort): protocol and ports.
  int protocol = 0;  // 6 or 17
  uint16_t real_port = 0;
  uint16_t mapped_port = 0;
  // Twice/policy NAT: a destination condition and an optional destination translation.
  std::vector<AddrMatch> real_dst{AddrMatch::any()};
  std::optional<Prefix> dst_mapped;  // twice NAT: destination as sent by the real side
  std::optional<Prefix> dst_real;    // twice NAT: destination after translation
  // Interfaces (ASA: nameif, IOS: empty = all inside->outside pairs).
  std::string real_interface;         // "" or "any" = any
  std::string mapped_interface_name;  // "" or "any" = any
  std::string vrf;
  int order_section = 1;  // ASA: 1 twice NAT, 2 object NAT, 3 twice after-auto
  bool understood = true;
  std::string why_not_understood;
  std::string text;
  SourceRef src_ref;      // the line that opens the rule (ASA: the object/nat line)
  SourceRef decided_ref;  // optional second line (ASA object NAT: the `nat` line)
};

}  // namespace gp::model
