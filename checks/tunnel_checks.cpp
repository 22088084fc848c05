#include "checks/tunnel_checks.h"

#include "model/tunnels.h"

namespace gp::checks {

// Each disagreement once, at the line of the end that finds it; the message names the other
// end's line, so both are in front of the reader.
void check_tunnel_mismatch(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : model::analyse_tunnels(ctx.snap).disagreements)
    out.push_back(make_finding(info, d.device, d.where, d.message));
}

}  // namespace gp::checks
