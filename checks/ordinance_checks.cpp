#include "checks/ordinance_checks.h"

#include "checks/ordinance.h"

namespace gp::checks {

namespace {
void fails_of(int question, const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& row : ordinance_sheet(ctx.snap, ctx.reach)) {
    if (row.q0 != Scope::InScope || row.answer(question) != Answer::Fail) continue;
    out.push_back(make_finding(info, "", row.where,
                               "host " + row.host + " (zone " + row.zone + "): Q" + std::to_string(question) +
                                   " FAIL: " + row.reasons_en[static_cast<size_t>(question)]));
  }
}
}  // namespace

void check_ordinance_q1(const CheckContext& c, const CheckInfo& i, std::vector<Finding>& o) {
  fails_of(1, c, i, o);
}
void check_ordinance_q2(const CheckContext& c, const CheckInfo& i, std::vector<Finding>& o) {
  fails_of(2, c, i, o);
}
void check_ordinance_q3(const CheckContext& c, const CheckInfo& i, std::vector<Finding>& o) {
  fails_of(3, c, i, o);
}
void check_ordinance_q4(const CheckContext& c, const CheckInfo& i, std::vector<Finding>& o) {
  fails_of(4, c, i, o);
}

}  // namespace gp::checks
