// The forwarding view of a snapshot: broadcast domains, per-device forwarding tables and the
// end systems packets can be delivered to. Built once per audit from the vendor-neutral model.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/packet_set/packet_set.h"
#include "model/reachability/filter_bdd.h"
#include "model/snapshot.h"
#include "model/tunnels.h"

namespace gp::reach {

struct IfcRef {
  int dev = -1;
  int ifc = -1;
};

// A place packets can be delivered to: a declared host, or a zone segment without declared
// hosts (every address of the segment then counts as a possible host, spec §3).
struct Target {
  std::string name;  // host id, or "segment:<id>"
  std::string zone;
  std::string host;  // host id when a declared host
  bdd addresses;     // destination addresses that are this target
  bdd accepts;       // addresses ∧ listening services
  std::vector<Ipv4> address_list;
  int domain = -1;
};

// An L2 broadcast domain: everything joined by links, segments, switches' VLANs and carrier
// services. Delivery inside it follows the next hop (or every attachment on a carrier).
struct Domain {
  std::vector<int> ifcs;     // global interface ids
  std::vector<int> targets;  // indices into Network::targets
  bool internet = false;     // an internet point (or a link kind not credited as closed) is here
  bool carrier = false;      // a carrier service: may deliver any packet to any member
  bool has_segment = false;  // a declared or inferred segment (a LAN) is part of it
  // A tunnel between two devices of the snapshot (model/tunnels.h): what one end sends into it,
  // whatever the destination, comes out at the other end, and nothing else enters it.
  bool point_to_point = false;
  std::vector<std::string> internet_why;
};

struct RouteTarget {
  int out_ifc = -1;              // global id; -1 with null_route
  std::optional<Ipv4> next_hop;  // nullopt: destination is on the connected subnet
  bool connected = false;
  bool dynamic = false;  // over-approximated dynamic route: any next hop in the domain
  bool null_route = false;
  bdd dst;  // destinations the table sends here
  SourceRef ref;
  std::string description;
};

struct Fib {
  std::vector<RouteTarget> targets;
  bdd no_route;  // destinations without a route
};

struct DeviceView {
  std::map<std::string, Fib> fib_by_vrf;
  bdd own_addresses;  // packets to these are for the device itself
  bdd nat_mapped;     // addresses it answers for on a LAN because static NAT maps
                      // them (proxy ARP), so neighbours hand such packets to it
  bool runs_dynamic_routing = false;
};

struct Network {
  const model::Snapshot* snap = nullptr;
  std::vector<IfcRef> ifcs;
  std::map<std::pair<int, int>, int> ifc_id;
  std::vector<int> ifc_domain;     // every interface has a domain (possibly its own alone)
  std::vector<int> unknown_peers;  // up, addressed interfaces whose far side is not known
  // Why, for the unknown peers that are not plain interfaces: a VPN whose far end should be the
  // utility's own but is not in the snapshot (its tunnel or underlay interface).
  std::map<int, std::pair<std::string, SourceRef>> unknown_peer_why;
  model::TunnelAnalysis tunnels;  // which VPN peers are paired, outside or unresolved
  // Policy-based site-to-site IPsec between two devices of the snapshot: per exit interface,
  // the destinations its crypto map encrypts and the peer's interface that decrypts them.
  // (Route-based tunnels are point-to-point domains of their tunnel interfaces instead.)
  struct IpsecTunnel {
    bdd remote_dst;
    int peer_ifc = -1;
    SourceRef ref;
  };
  std::map<int, std::vector<IpsecTunnel>> ipsec_tunnels;
  std::vector<Domain> domains;
  std::vector<Target> targets;
  std::vector<DeviceView> devices;
  bdd internet_sources;                                        // source addresses outside `owned`
  std::vector<std::pair<std::string, SourceRef>> assumptions;  // over-approximations relied on
  // Filters compiled on first use, keyed by device and filter name(s).
  mutable std::map<std::string, CompiledFilter> compiled_filters;
  // Shadowed rules of the filters compiled whole, found by the same fold (shadowed_rules.h).
  mutable std::map<const model::Filter*, std::vector<ShadowedRule>> shadowed;

  const model::Device& device(int dev) const { return snap->devices[dev]; }
  const model::Interface& interface(int gid) const {
    return snap->devices[ifcs[gid].dev].interfaces[ifcs[gid].ifc];
  }
  std::string ifc_name(int gid) const;
  int find_ifc(int dev, const std::string& name) const;  // by name or nameif; -1 if none
};

Network build_network(const model::Snapshot& snap);

bdd addresses_of(const model::Interface& i);
bool has_l3(const model::Interface& i);

}  // namespace gp::reach
