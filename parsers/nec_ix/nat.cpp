// NAPT (`ip napt enable`) as model NAT rules; inside/outside roles.
#include "parsers/nec_ix/internal.h"

namespace gp::parsers::nec {

void finish_nat(Ctx& c) {
  for (const auto& [ifn, r] : c.napt_ifcs) {
    model::NatRule nr;
    nr.kind = model::NatKind::Pat;
    nr.mapped_is_interface = true;
    nr.mapped_interface = ifn;
    nr.mapped_interface_name = ifn;
    nr.src_ref = r;
    nr.text = "ip napt enable (" + ifn + ")";
    c.dev.nat.push_back(nr);
  }
  if (!c.napt_ifcs.empty())
    for (auto& i : c.dev.interfaces)
      if (i.nat_role == model::NatRole::None) i.nat_role = model::NatRole::Inside;
  for (auto& r : c.dev.nat)
    if (r.kind == model::NatKind::StaticPort) r.mapped_interface_name = canon_ifc(c, r.mapped_interface_name);
}

}  // namespace gp::parsers::nec
