#include "checks/check.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "base/progress.h"

namespace gp::checks {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Info:
      return "info";
    case Severity::Low:
      return "low";
    case Severity::Medium:
      return "medium";
    case Severity::High:
      return "high";
    case Severity::Critical:
      return "critical";
  }
  return "info";
}

bool severity_from(const std::string& s, Severity& out) {
  for (auto v : {Severity::Info, Severity::Low, Severity::Medium, Severity::High, Severity::Critical})
    if (s == to_string(v)) {
      out = v;
      return true;
    }
  return false;
}

const char* to_string(Tier t) { return t == Tier::Ordinance ? "ordinance" : "guideline"; }

Finding make_finding(const CheckInfo& info, std::string device, SourceRef where, std::string message) {
  Finding f;
  f.id = info.id;
  f.severity = info.severity;
  f.tier = info.tier;
  f.title = info.title_en;
  f.guideline = info.guideline;
  f.device = std::move(device);
  f.where = std::move(where);
  f.message = std::move(message);
  return f;
}

std::vector<Finding> run_all(const CheckContext& ctx, std::vector<std::pair<std::string, double>>* timings) {
  std::vector<Finding> out;
  std::set<std::string> damaged;
  for (const auto& d : ctx.snap.devices)
    if (!d.damage.empty()) damaged.insert(d.name);
  for (const auto& c : registry()) {
    progress::report("checks", static_cast<size_t>(&c - registry().data()), registry().size());
    auto t0 = std::chrono::steady_clock::now();
    const size_t before = out.size();
    c.run(ctx, c.info, out);
    if (c.rests_on_absence && !damaged.empty())
      out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(before), out.end(),
                               [&](const Finding& f) { return damaged.count(f.device) > 0; }),
                out.end());
    if (timings)
      timings->push_back(
          {c.info.id, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()});
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return static_cast<int>(a.severity) > static_cast<int>(b.severity);
  });
  return out;
}

}  // namespace gp::checks
