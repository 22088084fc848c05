// Tunnels between the snapshot's own devices: which site-to-site VPN ends face each other, which
// peers are ways in from outside, and where the two ends of a pair disagree. Vendor-neutral:
// reads only the model (devices, links, `owned`).
//
// Two tunnel ends are paired
//   - by a link (declared or inferred) whose only members are two tunnel interfaces of
//     different devices, whatever its kind (`internet-vpn` included): the link's kind still
//     decides what the physical graph credits, but traffic inside the tunnel comes only from the
//     other end;
//   - by a peer address that is an address of another device of the snapshot, when that device
//     has a tunnel back (a VPN whose peer is an address of the first device).
// A peer that is neither paired nor inside `owned` is a way in from outside. A peer inside
// `owned` that no device of the snapshot answers for, or a device named by the peer that has no
// tunnel back, is unresolved: the far end is not known, so no proof may rest on it.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/source_ref.h"
#include "model/snapshot.h"

namespace gp::model {

enum class PeerStatus {
  Paired,      // the far end is a device of the snapshot (through `far_device`)
  Outside,     // a peer outside the snapshot and outside `owned` (or any peer): a way in
  Unresolved,  // the far end should be the utility's own, but the snapshot does not show it
};

// One site-to-site IPsec VPN (Device::vpns[vpn] of Device `device`), as the pairing sees it.
struct VpnPeering {
  size_t device = 0;
  size_t vpn = 0;
  PeerStatus status = PeerStatus::Outside;
  std::string far_device, far_interface;  // Paired: the other end
  std::string why;                        // one clause, for reports ("peer 198.51.100.20 is ...")
  SourceRef ref;                          // the line the status rests on (the peer, the link)
};

// Two ends that disagree: reported at `where` with the other end's line in the message.
struct TunnelDisagreement {
  std::string device;
  SourceRef where;
  std::string other_device;
  SourceRef other_ref;
  std::string message;
};

struct TunnelAnalysis {
  std::vector<VpnPeering> vpns;  // every site-to-site VPN, devices and VPNs in snapshot order
  std::vector<TunnelDisagreement> disagreements;
  const VpnPeering* of(size_t device, size_t vpn) const;
};

// Whether `l` joins exactly two tunnel interfaces of different devices and nothing else (the
// internet endpoint the loader adds to an `internet-vpn` link is its underlay, not a member).
bool is_tunnel_pair_link(const Snapshot& snap, const Link& l);
// The two interface endpoints of a tunnel pair link.
std::pair<Endpoint, Endpoint> tunnel_ends(const Link& l);

// The far end of a route-based VPN found by its peer addresses (used by link inference before
// any tunnel link exists): the device and tunnel interface whose VPN points back at `dev`.
struct FarEnd {
  const Device* device = nullptr;
  const Interface* tunnel = nullptr;
  size_t vpn = 0;
  Ipv4 peer = 0;
};
std::optional<FarEnd> far_end_by_peer(const Snapshot& snap, const Device& dev, const Vpn& v);

// Reads the links as they are after inference (infer_links).
TunnelAnalysis analyse_tunnels(const Snapshot& snap);

}  // namespace gp::model
