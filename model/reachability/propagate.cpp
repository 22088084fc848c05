#include "model/reachability/propagate.h"

#include <deque>

namespace gp::reach {

using pkt::Field;

int target_loc(const Network& net, int target) { return static_cast<int>(net.ifcs.size()) + target; }

namespace {

// A packet set on its way through one device, with the pre-image it came from.
struct Branch {
  bdd in_pre;  // at the ingress location
  bdd cur;     // headers now
  std::vector<Rewrite> rewrites;
  std::vector<const model::NatRule*> nat;
  bool session = false;           // a reply translated back by the session of its request
  bool session_stateful = false;  // ... on a stateful device: the session admits it, no filter
};

bool names_match(const std::string& rule_ifc, const model::Interface* ifc) {
  if (rule_ifc.empty() || rule_ifc == "any") return true;
  if (!ifc) return false;
  return rule_ifc == ifc->name || (!ifc->nameif.empty() && rule_ifc == ifc->nameif);
}

bdd addr_list(const std::vector<AddrMatch>& l, Field f) {
  bdd r = bddfalse;
  for (const auto& m : l) r |= pkt::wildcard(f, m.addr, m.wildcard);
  return r;
}

class Propagator {
 public:
  Propagator(const Network& net, const Source& src, Mode mode) : net_(net), src_(src), mode_(mode) {
    run_.source = &src;
    run_.mode = mode;
    virtual_loc_ = static_cast<int>(net.ifcs.size() + net.targets.size());
    run_.at_loc.assign(virtual_loc_ + 1, bddfalse);
    pending_.assign(virtual_loc_ + 1, bddfalse);
    run_.target_reached.assign(net.targets.size(), bddfalse);
    run_.to_internet = bddfalse;
  }

  RunResult run() {
    inject();
    while (!queue_.empty()) {
      int loc = queue_.front();
      queue_.pop_front();
      bdd delta = pending_[loc];
      pending_[loc] = bddfalse;
      if (delta == bddfalse) continue;
      if (loc == virtual_loc_) {
        through_device(src_.vpn_dev, src_.vpn_ifc, loc, delta, /*virtual_ingress=*/true);
      } else if (loc < static_cast<int>(net_.ifcs.size())) {
        through_device(net_.ifcs[loc].dev, loc, loc, delta, false);
      }
    }
    return std::move(run_);
  }

 private:
  const Network& net_;
  const Source& src_;
  Mode mode_;
  RunResult run_;
  int virtual_loc_;
  std::vector<bdd> pending_;
  std::deque<int> queue_;
  int seq_ = 0;
  std::map<int, std::vector<Transition>> batch_;  // exit interface -> hops onto a carrier
  int cur_from_loc_ = -1;                         // the device pass under way (for end records)
  int cur_in_gid_ = -1;

  // Where packets end, as a transition (Source::record_ends) for trace_back.
  void record_end(int kind, const bdd& x, int from_loc, const Branch& b, Transition hop) {
    if (!src_.record_ends || x == bddfalse) return;
    hop.seq = seq_++;
    hop.from_loc = from_loc;
    hop.to_loc = kind;
    hop.in_pre = b.in_pre;
    hop.out = x;
    hop.rewrites = b.rewrites;
    hop.nat = b.nat;
    hop.session = b.session;
    run_.transitions.push_back(std::move(hop));
  }

  // What a host takes: every packet to its addresses for a trace, its services for the audit.
  const bdd& takes(const Target& t) const { return src_.any_service ? t.addresses : t.accepts; }

  void arrive(int to_loc, const bdd& x, int from_loc, const Branch& b, Transition hop) {
    bdd fresh = x - run_.at_loc[to_loc];
    if (fresh == bddfalse) return;
    run_.at_loc[to_loc] |= fresh;
    hop.seq = seq_++;
    hop.from_loc = from_loc;
    hop.to_loc = to_loc;
    hop.in_pre = b.in_pre;
    hop.out = fresh;
    hop.rewrites = b.rewrites;
    hop.nat = b.nat;
    hop.session = b.session;
    run_.transitions.push_back(std::move(hop));
    int nt = static_cast<int>(net_.ifcs.size());
    if (to_loc >= nt && to_loc < nt + static_cast<int>(net_.targets.size())) {
      run_.target_reached[to_loc - nt] |= fresh;
      return;
    }
    if (pending_[to_loc] == bddfalse) queue_.push_back(to_loc);
    pending_[to_loc] |= fresh;
  }

  void drop(int dev, int ifc, const std::string& what, std::vector<SourceRef> refs, const bdd& d,
            const Branch& b) {
    if (d == bddfalse) return;
    std::string key = std::to_string(dev) + "|" + std::to_string(ifc) + "|" + what;
    if (src_.record_ends) {
      Transition end;
      end.dev = dev;
      end.in_ifc = cur_in_gid_;
      end.out_ifc = ifc != cur_in_gid_ ? ifc : -1;
      end.drop_key = key;
      record_end(kDropped, d, cur_from_loc_, b, std::move(end));
    }
    auto& rec = run_.drops[key];
    if (rec.dev < 0) {
      rec.dev = dev;
      rec.ifc = ifc;
      rec.what = what;
      rec.dropped = bddfalse;
    }
    for (auto& r : refs) {
      bool seen = false;
      for (const auto& e : rec.refs) seen |= e.file == r.file && e.line == r.line;
      if (!seen) rec.refs.push_back(std::move(r));
    }
    rec.dropped |= d;
  }

  void unknown(int dev, const SourceRef& ref, const std::string& text) {
    run_.unknowns.emplace(ref.str() + "|" + text, UnknownTouched{dev, ref, text});
  }

  // Filter on a branch: keeps what is permitted, records what is dropped and by which lines.
  // `whole`: the filter `rules` are all of, in order (its shadowed rules are found while it is
  // compiled, for the rulebook check).
  void filter(int dev, int ifc, const std::vector<const model::FilterRule*>& rules, model::Action dflt,
              const std::string& name, const SourceRef& fref, Branch& b,
              const model::Filter* whole = nullptr) {
    const std::string key = std::to_string(dev) + "|" + name;
    auto it = net_.compiled_filters.find(key);
    if (it == net_.compiled_filters.end()) {
      std::optional<std::vector<ShadowedRule>> shadowed;
      it = net_.compiled_filters.emplace(key, compile_rules(rules, dflt, whole ? &shadowed : nullptr)).first;
      if (shadowed) net_.shadowed.emplace(whole, std::move(*shadowed));
    }
    auto o = apply_compiled(it->second, b.cur, mode_);
    if (o.denied != bddfalse) {
      drop(dev, ifc, "filter " + name, {fref}, o.denied, b);
      auto& rec = run_.drops[std::to_string(dev) + "|" + std::to_string(ifc) + "|filter " + name];
      rec.filter = &it->second;
      rec.filter_ref = fref;
    }
    for (int i : o.unknown_touched)
      unknown(dev, rules[i]->src_ref,
              "filter " + name + ": rule not understood (" + rules[i]->why_not_understood + ")");
    b.cur = o.permitted;
  }

  void apply_named_filter(int dev, int ifc, const std::string& name, const SourceRef& used_at, Branch& b) {
    const auto& d = net_.device(dev);
    auto it = d.filters.find(name);
    if (it == d.filters.end()) {
      // Referenced, never defined, and the parser did not say what the device does.
      unknown(dev, used_at, "filter " + name + " is applied but not defined");
      if (mode_ == Mode::Must) {
        drop(dev, ifc, "filter " + name + " (undefined)", {used_at}, b.cur, b);
        b.cur = bddfalse;
      }
      return;
    }
    std::vector<const model::FilterRule*> rules;
    for (const auto& r : it->second.rules) rules.push_back(&r);
    filter(dev, ifc, rules, it->second.default_action, name,
           it->second.src_ref.known() ? it->second.src_ref : used_at, b, &it->second);
  }

  std::optional<Ipv4> primary_address(int dev, const std::string& ifc_name) {
    int gid = net_.find_ifc(dev, ifc_name);
    if (gid < 0) return std::nullopt;
    const auto& i = net_.interface(gid);
    if (i.ipv4.empty()) return std::nullopt;
    return i.ipv4.front().prefix.addr;
  }

  // The device's policy for this (ingress, egress) pair: the rules whose interface scope
  // admits the pair, in order, then the policy's default action.
  void forward_policy(int dev, int in_gid, const model::Interface* in, int out_gid,
                      const model::Interface* outi, Branch& b) {
    const auto& d = net_.device(dev);
    auto it = d.filters.find(d.forward_filter);
    if (it == d.filters.end()) {
      unknown(dev, d.forward_filter_ref, "policy " + d.forward_filter + " is not defined");
      if (mode_ == Mode::Must) b.cur = bddfalse;
      return;
    }
    auto scoped = [](const std::vector<std::string>& names, const model::Interface* i) {
      if (names.empty()) return true;
      for (const auto& n : names)
        if (names_match(n, i) || (i && !i->zone.empty() && n == i->zone)) return true;
      return false;
    };
    std::vector<const model::FilterRule*> rules;
    for (const auto& r : it->second.rules)
      if (scoped(r.in_interfaces, in) && scoped(r.out_interfaces, outi)) rules.push_back(&r);
    const std::string name =
        d.forward_filter + " (" + (in ? in->name : std::string("vpn")) + " -> " + outi->name + ")";
    (void)out_gid;
    filter(dev, in_gid, rules, it->second.default_action, name,
           it->second.src_ref.known() ? it->second.src_ref : d.forward_filter_ref, b);
  }

  // Destination translation of packets arriving from the mapped side (static NAT, port
  // forwards). Packets no rule matches go on unchanged.
  std::vector<Branch> unnat(int dev, const model::Interface* in, const Branch& b, bool fw) {
    const auto& d = net_.device(dev);
    std::vector<Branch> out;
    bdd untouched = b.cur;
    if (!fw && (!in || in->nat_role != model::NatRole::Outside)) return {b};
    for (const auto& r : d.nat) {
      if (fw && !names_match(r.mapped_interface_name, in)) continue;
      if (!r.understood) {
        unknown(dev, r.src_ref, "NAT rule not understood (" + r.why_not_understood + ")");
        if (mode_ == Mode::May) {
          Branch x = b;
          x.cur = pkt::forget(b.cur, Field::DstIp);
          x.rewrites.push_back({Field::DstIp, 32});
          x.nat.push_back(&r);
          out.push_back(std::move(x));
        }
        continue;
      }
      if (r.kind != model::NatKind::Static && r.kind != model::NatKind::StaticPort) continue;
      if (r.dst_real || r.dst_mapped) {
        unknown(dev, r.src_ref, "twice NAT with a destination translation is not modelled");
        continue;
      }
      // The real side: a single host or a prefix of the same length as the mapped one.
      if (r.real_src.size() != 1) {
        unknown(dev, r.src_ref, "static NAT of several real addresses is not modelled");
        continue;
      }
      const AddrMatch real = r.real_src.front();
      std::optional<Prefix> mapped = r.mapped_src;
      if (r.mapped_is_interface) {
        auto a =
            primary_address(dev, r.mapped_interface.empty() ? r.mapped_interface_name : r.mapped_interface);
        mapped = a ? std::optional<Prefix>(Prefix{*a, 32}) : std::nullopt;
      }
      int real_len = 32;
      if (auto l = mask_to_len(~real.wildcard)) real_len = *l;
      bdd guard = mapped ? pkt::prefix(Field::DstIp, mapped->network(), mapped->len) : bddtrue;
      if (mapped && mapped->len != real_len) {
        unknown(dev, r.src_ref, "static NAT between prefixes of different lengths");
        continue;
      }
      if (r.kind == model::NatKind::StaticPort) {
        guard &=
            pkt::eq(Field::Proto, static_cast<uint32_t>(r.protocol)) & pkt::eq(Field::DstPort, r.mapped_port);
      }
      bdd hit = untouched & guard;
      untouched -= guard;
      if (hit == bddfalse) continue;
      Branch x;
      x.in_pre = b.in_pre & hit;  // coarse when b.in_pre was itself rewritten; fine for picking
      x.rewrites = b.rewrites;
      x.nat = b.nat;
      x.nat.push_back(&r);
      int bits = real_len;
      bdd c = pkt::forget_top(hit, Field::DstIp, bits) & pkt::prefix(Field::DstIp, real.addr, bits);
      x.rewrites.push_back({Field::DstIp, bits});
      if (r.kind == model::NatKind::StaticPort) {
        c = pkt::forget(c, Field::DstPort) & pkt::eq(Field::DstPort, r.real_port);
        x.rewrites.push_back({Field::DstPort, 16});
      }
      x.cur = c;
      out.push_back(std::move(x));
    }
    if (untouched != bddfalse) {
      Branch x = b;
      x.cur = untouched;
      out.push_back(std::move(x));
    }
    return out;
  }

  // Source translation toward the mapped side (static, dynamic, PAT).
  std::vector<Branch> snat(int dev, const model::Interface* in, const model::Interface* outi, const Branch& b,
                           bool fw) {
    const auto& d = net_.device(dev);
    if (src_.no_source_nat) return {b};
    if (!fw &&
        !(in && outi && in->nat_role == model::NatRole::Inside && outi->nat_role == model::NatRole::Outside))
      return {b};
    std::vector<Branch> out;
    bdd untouched = b.cur;
    for (const auto& r : d.nat) {
      if (!r.understood || r.kind == model::NatKind::Identity) continue;
      if (fw && (!names_match(r.real_interface, in) || !names_match(r.mapped_interface_name, outi))) continue;
      if (r.dst_real || r.dst_mapped) continue;
      bdd guard = addr_list(r.real_src, Field::SrcIp) & addr_list(r.real_dst, Field::DstIp);
      if (r.kind == model::NatKind::StaticPort)
        guard &=
            pkt::eq(Field::Proto, static_cast<uint32_t>(r.protocol)) & pkt::eq(Field::SrcPort, r.real_port);
      bdd hit = untouched & guard;
      untouched -= guard;
      if (hit == bddfalse) continue;
      std::optional<Prefix> mapped = r.mapped_src;
      if (r.mapped_is_interface || (!mapped && r.kind == model::NatKind::Pat)) {
        std::string ifn = !r.mapped_interface.empty() ? r.mapped_interface : outi ? outi->name : "";
        auto a = primary_address(dev, ifn);
        mapped = a ? std::optional<Prefix>(Prefix{*a, 32}) : std::nullopt;
      }
      if (!r.pool.empty()) mapped = std::nullopt;  // somewhere in the pool: forget the source
      Branch x;
      x.in_pre = b.in_pre & (b.rewrites.empty() ? hit : bddtrue);
      x.rewrites = b.rewrites;
      x.nat = b.nat;
      x.nat.push_back(&r);
      bdd c = pkt::forget(hit, Field::SrcIp);
      if (mapped) c &= pkt::prefix(Field::SrcIp, mapped->network(), mapped->len == 32 ? 32 : mapped->len);
      if (!r.pool.empty()) {
        bdd pool = bddfalse;
        for (const auto& p : r.pool) pool |= pkt::prefix(Field::SrcIp, p.network(), p.len);
        c &= pool;
      }
      x.rewrites.push_back({Field::SrcIp, 32});
      x.cur = c;
      out.push_back(std::move(x));
    }
    if (untouched != bddfalse) {
      Branch x = b;
      x.cur = untouched;
      out.push_back(std::move(x));
    }
    return out;
  }

  // The part of `b` that is the reply of a session the request opened on `dev`: translated
  // back to what the request looked like before the device, reversed (Source::sessions).
  Branch session_branch(int dev, Branch& b) {
    Branch s{bddfalse, bddfalse, {}, {}};
    for (const auto& x : src_.sessions) {
      if (x.dev != dev) continue;
      bdd hit = b.cur & pkt::of(x.reply_in);
      if (hit == bddfalse) continue;
      b.cur -= hit;
      s.in_pre = b.in_pre & hit;
      s.cur = pkt::of(x.reply_out);
      s.rewrites = b.rewrites;
      for (Field f : {Field::SrcIp, Field::DstIp}) s.rewrites.push_back({f, 32});
      for (Field f : {Field::SrcPort, Field::DstPort}) s.rewrites.push_back({f, 16});
      s.nat = b.nat;
      s.session = true;
      s.session_stateful = x.stateful;
      break;
    }
    return s;
  }

  void through_device(int dev, int in_gid, int from_loc, const bdd& delta, bool virtual_ingress) {
    const auto& d = net_.device(dev);
    const auto& view = net_.devices[dev];
    const model::Interface* in = in_gid >= 0 ? &net_.interface(in_gid) : nullptr;
    const bool fw = d.stateful;  // firewall semantics: NAT before ACL, security levels
    // A packet the device sends itself: no filter, policy or NAT, only its routing table.
    const bool local = virtual_ingress && src_.local_origin;
    bool acl_bypassed = virtual_ingress && (src_.bypass_acl || local);
    Branch b{delta, delta, {}, {}};
    cur_from_loc_ = from_loc;
    cur_in_gid_ = in_gid;

    if (in && !in->up()) return;
    if (virtual_ingress && !src_.vpn_filter.empty())
      apply_named_filter(dev, in_gid, src_.vpn_filter, src_.ref, b);
    if (!fw && in && !acl_bypassed && !in->filter_in.empty())
      apply_named_filter(dev, in_gid, in->filter_in, in->filter_in_ref, b);
    if (b.cur == bddfalse) return;

    bool has_acl = false;
    std::vector<Branch> branches;
    Branch reply = session_branch(dev, b);
    if (reply.session) branches.push_back(std::move(reply));
    if (b.cur != bddfalse) {
      std::vector<Branch> rest = local ? std::vector<Branch>{b} : unnat(dev, in, b, fw);
      for (auto& r : rest) branches.push_back(std::move(r));
    }
    if (fw && !acl_bypassed) {
      std::vector<const model::FilterRule*> rules;
      SourceRef fref;
      std::string fname;
      if (in && !in->filter_in.empty()) {
        auto it = d.filters.find(in->filter_in);
        if (it != d.filters.end()) {
          for (const auto& r : it->second.rules) rules.push_back(&r);
          fref = it->second.src_ref;
        } else {
          unknown(dev, in->filter_in_ref, "inbound filter " + in->filter_in + " is applied but not defined");
        }
        fname = in->filter_in;
        has_acl = true;
      }
      if (!d.global_filter.empty()) {
        auto it = d.filters.find(d.global_filter);
        if (it != d.filters.end())
          for (const auto& r : it->second.rules) rules.push_back(&r);
        if (!fref.known()) fref = d.global_filter_ref;
        fname += (fname.empty() ? "" : "+") + d.global_filter;
        has_acl = true;
      }
      if (has_acl)
        for (auto& br : branches)
          if (!br.session_stateful) filter(dev, in_gid, rules, model::Action::Deny, fname, fref, br);
    }

    std::string vrf = in ? in->vrf : "";
    auto fib_it = view.fib_by_vrf.find(vrf);
    for (auto& br : branches) {
      if (br.cur == bddfalse) continue;
      bdd mine = br.cur & view.own_addresses;  // to the device itself: not forwarded
      if (mine != bddfalse) {
        auto [it, fresh] = run_.to_device.emplace(dev, mine);
        if (!fresh) it->second |= mine;
        Transition end;
        end.dev = dev;
        end.in_ifc = in_gid;
        record_end(kToDevice, mine, from_loc, br, std::move(end));
      }
      br.cur -= view.own_addresses;
      if (!d.ip_routing) {
        // Only a trace names this end: the audit never needed it as blocking evidence.
        if (src_.record_ends) drop(dev, in_gid, "IP routing is off on the device", {}, br.cur, br);
        continue;
      }
      if (fib_it == view.fib_by_vrf.end()) {
        drop(dev, in_gid, "no route", {}, br.cur, br);
        continue;
      }
      const Fib& fib = fib_it->second;
      drop(dev, in_gid, "no route", {}, br.cur & fib.no_route, br);
      for (const auto& t : fib.targets) {
        bdd c = br.cur & t.dst;
        if (c == bddfalse) continue;
        if (t.null_route) {
          drop(dev, in_gid, "null route", {t.ref}, c, br);
          continue;
        }
        const model::Interface* outi = &net_.interface(t.out_ifc);
        if (t.out_ifc == in_gid && !fw && !t.dynamic) {
          // Hairpin back out of the ingress interface: a router does this; keep it.
        }
        if (fw && in && in->security_level && outi->security_level && !br.session_stateful) {
          int li = *in->security_level, lo = *outi->security_level;
          bool same_ok = (t.out_ifc == in_gid) ? d.same_security_intra : d.same_security_inter;
          bool allowed = has_acl || acl_bypassed ? (li != lo || same_ok) : (li > lo || (li == lo && same_ok));
          if (!allowed) {
            SourceRef why = in->src_ref;
            drop(dev, in_gid,
                 "security level " + std::to_string(li) + " -> " + std::to_string(lo) +
                     (has_acl ? " (same level without same-security-traffic)"
                              : " (no access-list permits it)"),
                 {why}, c, br);
            continue;
          }
        }
        Branch rb = br;
        rb.cur = c;
        const bool unfiltered = local || rb.session_stateful;
        if (!d.forward_filter.empty() && !unfiltered) forward_policy(dev, in_gid, in, t.out_ifc, outi, rb);
        if (rb.cur == bddfalse) continue;
        auto translated = local || rb.session ? std::vector<Branch>{rb} : snat(dev, in, outi, rb, fw);
        for (auto& sb : translated) {
          if (!outi->filter_out.empty() && !unfiltered)
            apply_named_filter(dev, t.out_ifc, outi->filter_out, outi->filter_out_ref, sb);
          if (sb.cur == bddfalse) continue;
          Transition hop;
          hop.dev = dev;
          hop.in_ifc = in_gid;
          hop.out_ifc = t.out_ifc;
          hop.route = &t;
          hop.acl_bypassed = acl_bypassed;
          if (virtual_ingress) hop.vpn_filter = src_.vpn_filter;
          // Encrypted toward a peer of the snapshot: it arrives there, decrypted.
          auto tun = net_.ipsec_tunnels.find(t.out_ifc);
          if (tun != net_.ipsec_tunnels.end()) {
            for (const auto& tunnel : tun->second) {
              bdd x = sb.cur & tunnel.remote_dst;
              if (x == bddfalse) continue;
              Branch eb = sb;
              eb.cur = x;
              arrive(tunnel.peer_ifc, x, from_loc, eb, hop);
              sb.cur -= tunnel.remote_dst;
            }
            if (sb.cur == bddfalse) continue;
          }
          const Domain& dom = net_.domains[net_.ifc_domain[t.out_ifc]];
          if (dom.carrier || t.dynamic) {
            // Everything sent onto a carrier reaches every member: deliver it in one batch.
            hop.in_pre = sb.in_pre;
            hop.out = sb.cur;
            hop.rewrites = sb.rewrites;
            hop.nat = sb.nat;
            batch_[t.out_ifc].push_back(std::move(hop));
          } else {
            deliver(t.out_ifc, t, sb, from_loc, hop);
          }
        }
      }
    }
    flush_batches(from_loc);
  }

  // Delivers the batched carrier traffic of one device pass: one union per exit interface.
  void flush_batches(int from_loc) {
    for (auto& [out_gid, hops] : batch_) {
      Branch u{bddfalse, bddfalse, {}, {}};
      for (const auto& h : hops) {
        u.in_pre |= h.in_pre;
        u.cur |= h.out;
      }
      Transition hop = hops.front();
      hop.batch = static_cast<int>(run_.batches.size());
      run_.batches.push_back(std::move(hops));
      RouteTarget any;
      any.dynamic = true;
      any.out_ifc = out_gid;
      deliver(out_gid, any, u, from_loc, hop);
    }
    batch_.clear();
  }

  // Puts packets on the wire of `out_gid` and hands them to whoever takes them there.
  void deliver(int out_gid, const RouteTarget& t, const Branch& b, int from_loc, const Transition& hop) {
    const Domain& dom = net_.domains[net_.ifc_domain[out_gid]];
    if (dom.internet) {
      record_end(kToInternet, b.cur - run_.to_internet, from_loc, b, hop);
      run_.to_internet |= b.cur;
    }
    // A carrier or a tunnel takes any packet, whatever its next hop: the far end gets it all.
    bool any = dom.carrier || dom.point_to_point || t.dynamic;
    bool taken = false;
    bdd unclaimed = b.cur;  // on a connected subnet: what no known host or device takes
    for (int tg : dom.targets) {
      const Target& target = net_.targets[tg];
      bdd x = b.cur & takes(target);
      unclaimed -= target.addresses;
      if (x == bddfalse) continue;
      if (!any && !t.connected && t.next_hop &&
          (target.addresses & pkt::eq(Field::DstIp, *t.next_hop)) == bddfalse)
        continue;
      arrive(target_loc(net_, tg), x, from_loc, b, hop);
    }
    for (int k : dom.ifcs) {
      if (k == out_gid) continue;
      const auto& ki = net_.interface(k);
      if (!ki.up() || !has_l3(ki)) continue;
      if (any) {
        arrive(k, b.cur, from_loc, b, hop);
        taken = true;
      } else if (t.connected) {
        // Addressed to the neighbour itself, or to an address its static NAT answers for:
        // it may translate and forward (port forwards to an interface address).
        const auto& view = net_.devices[net_.ifcs[k].dev];
        bdd x = b.cur & (addresses_of(ki) | view.nat_mapped);
        unclaimed -= x;
        if (x != bddfalse) arrive(k, x, from_loc, b, hop);
      } else if (!t.connected && t.next_hop) {
        if ((addresses_of(ki) & pkt::eq(Field::DstIp, *t.next_hop)) != bddfalse) {
          arrive(k, b.cur, from_loc, b, hop);
          taken = true;
        }
      }
    }
    // Delivered onto the subnet of a connected route where the snapshot declares nothing with
    // that address: a host the topology does not list (a configs-only folder lists none).
    if (t.connected && !any && !dom.internet) {
      for (int k : dom.ifcs) unclaimed -= addresses_of(net_.interface(k));
      Transition end = hop;
      end.out_ifc = out_gid;
      record_end(kToSubnet, unclaimed, from_loc, b, std::move(end));
    }
    if (!any && !t.connected && t.next_hop && !taken && !dom.internet) {
      bool host_nh = false;
      for (int tg : dom.targets)
        host_nh |= (net_.targets[tg].addresses & pkt::eq(Field::DstIp, *t.next_hop)) != bddfalse;
      if (!host_nh) {
        unknown(hop.dev, t.ref, "next hop " + format_ipv4(*t.next_hop) + " is not a known device");
        if (mode_ == Mode::May) {
          for (int k : dom.ifcs)
            if (k != out_gid) arrive(k, b.cur, from_loc, b, hop);
        } else {
          drop(hop.dev, out_gid, "next hop " + format_ipv4(*t.next_hop) + " not found", {t.ref}, b.cur, b);
        }
      }
    }
  }

  void inject() {
    Branch b{src_.packets, src_.packets, {}, {}};
    Transition hop;
    for (int d : src_.domains_any) {
      const Domain& dom = net_.domains[d];
      for (int tg : dom.targets) {
        bdd x = src_.packets & takes(net_.targets[tg]);
        if (x != bddfalse) arrive(target_loc(net_, tg), x, -1, b, hop);
      }
      for (int k : dom.ifcs) {
        // Only an interface that routes IP takes packets (a PPPoE port without an address
        // carries them to its Dialer, which has its own link).
        const auto& ki = net_.interface(k);
        if (ki.up() && has_l3(ki)) arrive(k, src_.packets, -1, b, hop);
      }
    }
    for (int k : src_.arrive_ifcs) arrive(k, src_.packets, -1, b, hop);
    if (src_.vpn_dev >= 0) arrive(virtual_loc_, src_.packets, -1, b, hop);
    for (const auto& g : src_.host_groups) {
      Branch gb{g.packets, g.packets, {}, {}};
      const Domain& dom = net_.domains[g.domain];
      for (int tg : dom.targets) {
        bool self = false;
        for (int p : g.targets) self |= p == tg;
        if (self) continue;
        bdd x = g.packets & takes(net_.targets[tg]);
        if (x != bddfalse) arrive(target_loc(net_, tg), x, -1, gb, hop);
      }
      for (int k : dom.ifcs) {
        const auto& ki = net_.interface(k);
        if (!ki.up() || !has_l3(ki)) continue;
        if (g.gateway && (addresses_of(ki) & pkt::eq(Field::DstIp, *g.gateway)) == bddfalse) continue;
        arrive(k, g.packets, -1, gb, hop);
      }
    }
  }
};

}  // namespace

RunResult propagate(const Network& net, const Source& src, Mode mode) {
  return Propagator(net, src, mode).run();
}

}  // namespace gp::reach
