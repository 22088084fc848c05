// Link inference and unknown peers: what the snapshot does not declare, derived from the parsed
// devices. Vendor-neutral: reads only the model.
#pragma once
#include <string>
#include <vector>

#include "base/source_ref.h"
#include "model/snapshot.h"

namespace gp::model {

// Adds inferred links (Link::inferred = true, with inferred_why and the src_ref of the line that
// caused it) after the declared ones. Interfaces that are an endpoint of a declared link are
// left alone. For every other interface that is up (not shut down):
//   (d) a tunnel (kind Tunnel with tunnel_destination): when the destination is an address of
//       another device of the snapshot, a LinkKind::Tunnel link to the peer tunnel whose
//       destination is our source (or else to the interface owning the address); otherwise an
//       `internet-vpn` link to the internet ("tunnel destination X outside the snapshot").
//       A tunnel without a destination that carries a route-based IPsec VPN gets a Tunnel link to
//       the far end found by its peer address (model/tunnels.h far_end_by_peer); otherwise none
//       (an outside peer is a source of its own, an unresolved one an unknown peer).
//   (c) an ISP line -> `internet` link [interface, internet]: a PPPoE client, a Dialer, a PPP
//       negotiated address; a DHCP client that is NAT outside, ASA security-level 0 or carries a
//       default route; a public address (not RFC 1918, and outside `owned` when owned: was
//       given) with a default route through it (out interface is it, or next hop in its subnet).
//   (a) an addressed interface whose subnet overlaps a declared segment -> `ethernet` link to the
//       most specific segment holding its address (or to every overlapping segment when none
//       holds the address itself).
//   (b) the remaining addressed interfaces (not loopback, null or tunnel) are grouped by
//       overlapping connected subnets, across devices; a group of two or more interfaces, or one
//       interface whose subnet holds a host without segment, becomes an inferred segment
//       (Segment::inferred, id "inferred:NET/LEN" of the widest subnet, no zone) and one
//       `ethernet` link whose members are the segment and every interface of the group.
//   (e) in addition, an interface carrying a crypto map or where a remote-access VPN terminates
//       gets an `internet-vpn` link (site-to-site peers that are addresses of the snapshot give
//       Tunnel links to them instead). Route-based VPNs (Vpn::tunnel_interface) are left to (d).
// Finally every host without a segment joins the most specific segment holding one of its
// addresses (its zone is the segment's zone, empty for an inferred segment); a host that fits no
// segment gets a note.
void infer_links(Snapshot& snap);

// An interface whose far side cannot be determined.
struct UnknownPeer {
  std::string device, interface;
  SourceRef src_ref;  // the interface line
  std::string why;    // e.g. "up, 10.9.0.1/24, no link and no segment"
};

// The rule: an interface is an unknown peer when it is up, has an IPv4 address (or gets one by
// DHCP / PPP negotiation), and is an endpoint of no link, declared or inferred. Not unknown
// peers: loopbacks, Null interfaces, virtual templates (dial-in templates, not ports), and VLAN
// interfaces (SVIs) whose subnet overlaps a segment (the VLAN is that segment). Devices in
// snapshot order, interfaces in configuration order.
std::vector<UnknownPeer> find_unknown_peers(const Snapshot& snap);

}  // namespace gp::model
