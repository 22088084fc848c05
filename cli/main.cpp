// gapproof command line. The only place that catches InputError and maps results to exit codes:
// 0 no finding at or above --fail-on, 1 some finding is, 2 the input cannot be audited,
// 3 an internal error (a bug: please report it). `gapproof checks` (the registry) exits 0, and
// `gapproof trace` (one flow, cli/trace_command.cpp) exits 0 whenever it answers; `gapproof diff`
// (cli/diff_command.cpp) exits 1 when a change opens a flow, worsens a verdict or adds a finding.
#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include "base/input_error.h"
#include "base/progress.h"
#include "checks/check.h"
#include "cli/diff_command.h"
#include "cli/trace_command.h"
#include "model/reachability/audit.h"
#include "parsers/topology/load_snapshot.h"
#include "report/checks_doc.h"
#include "report/report.h"

namespace {

struct AuditOptions {
  std::string dir;
  std::string format = "text";
  std::string fail_on = "high";
  std::string lang = "en";
  bool parse_only = false;
  bool stats = false;
  bool progress = false;
  std::vector<std::string> allowed_roots;
};

// Progress on stderr for a person at a terminal: nothing during the first two seconds (a short
// audit stays quiet), then one line rewritten at most ten times a second, erased at the end.
struct ProgressLine {
  static inline std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  static inline std::chrono::steady_clock::time_point last{};
  static inline bool shown = false;

  // GAPPROOF_PROGRESS_DELAY_MS changes the two seconds (tests see progress on a small audit).
  static std::chrono::milliseconds delay() {
    static const std::chrono::milliseconds d = [] {
      const char* env = std::getenv("GAPPROOF_PROGRESS_DELAY_MS");
      return std::chrono::milliseconds(env ? std::atol(env) : 2000);
    }();
    return d;
  }

  static void show(std::string_view stage, size_t done, size_t total) {
    const auto now = std::chrono::steady_clock::now();
    if (now - start < delay() || now - last < std::chrono::milliseconds(100)) return;
    last = now;
    shown = true;
    if (total > 0)
      std::fprintf(stderr, "\r\033[Kgapproof: %.*s %zu/%zu", static_cast<int>(stage.size()), stage.data(),
                   done, total);
    else
      std::fprintf(stderr, "\r\033[Kgapproof: %.*s, run %zu", static_cast<int>(stage.size()), stage.data(),
                   done + 1);
    std::fflush(stderr);
  }
  static void erase() {
    if (shown) std::fprintf(stderr, "\r\033[K");
    shown = false;
  }
};

long peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

int run_audit(const AuditOptions& o) {
  using clock = std::chrono::steady_clock;
  auto t0 = clock::now();
  gp::checks::Severity threshold = gp::checks::Severity::Critical;
  const bool never_fail = o.fail_on == "none";  // report only: findings never set exit 1
  if (!never_fail && !gp::checks::severity_from(o.fail_on, threshold)) {
    std::cerr << "error: --fail-on must be one of info, low, medium, high, critical, none\n";
    return 2;
  }
  // Shown when asked, or when a person reads the text report on a terminal; never in a pipe, a
  // file or a machine format unless asked.
  if (o.progress || (o.format == "text" && isatty(STDOUT_FILENO) && isatty(STDERR_FILENO)))
    gp::progress::set_sink(&ProgressLine::show);
  gp::model::Snapshot snap = gp::parsers::load_snapshot(o.dir, {o.allowed_roots});
  auto t1 = clock::now();
  auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  if (o.parse_only) {
    ProgressLine::erase();
    long lines = 0, unrec = 0;
    for (const auto& d : snap.devices)
      lines += d.total_lines, unrec += static_cast<long>(d.unrecognised.size()) + d.unread_lines;
    std::printf("parsed %zu devices, %ld lines (%ld not understood) in %.3f s; peak RSS %ld MB\n",
                snap.devices.size(), lines, unrec, secs(t0, t1), peak_rss_mb());
    return 0;
  }
  gp::reach::AuditResult reach = gp::reach::audit_reachability(snap);
  auto t2 = clock::now();
  gp::checks::CheckContext ctx{snap, reach};
  std::vector<std::pair<std::string, double>> check_times;
  auto findings = gp::checks::run_all(ctx, o.stats ? &check_times : nullptr);
  auto t3 = clock::now();
  gp::report::AuditReport rep{snap, reach, findings,
                              o.lang == "ja" ? gp::report::Lang::Ja : gp::report::Lang::En};
  gp::progress::set_sink(nullptr);
  ProgressLine::erase();
  std::string out = o.format == "json"    ? gp::report::to_json(rep)
                    : o.format == "sarif" ? gp::report::to_sarif(rep)
                    : o.format == "junit" ? gp::report::to_junit(rep)
                    : o.format == "html"  ? gp::report::to_html(rep)
                                          : gp::report::to_text(rep);
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (o.stats) {
    std::fprintf(stderr,
                 "stats: load+parse %.3f s, prove %.3f s, checks %.3f s, report %.3f s, %d propagation runs, "
                 "%ld BDD nodes, %zu findings, peak RSS %ld MB\n",
                 secs(t0, t1), secs(t1, t2), secs(t2, t3), secs(t3, clock::now()), reach.propagation_runs,
                 reach.bdd_nodes, findings.size(), peak_rss_mb());
    // The costliest checks, for whoever is making the audit faster.
    std::sort(check_times.begin(), check_times.end(), [](auto& a, auto& b) { return a.second > b.second; });
    for (size_t i = 0; i < check_times.size() && i < 5 && check_times[i].second >= 0.05; ++i)
      std::fprintf(stderr, "stats:   %s %.3f s\n", check_times[i].first.c_str(), check_times[i].second);
  }
  for (const auto& f : findings)
    if (!never_fail && static_cast<int>(f.severity) >= static_cast<int>(threshold)) return 1;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "gapproof: proves whether the internet can reach control systems, from saved device configurations"};
  app.set_version_flag("--version", std::string("gapproof ") + gp::report::kVersion);
  app.require_subcommand(1);
  AuditOptions o;
  auto* audit = app.add_subcommand("audit", "audit a snapshot folder (topology.yaml + configs/)");
  audit->add_option("dir", o.dir, "snapshot folder")->required();
  audit
      ->add_option("--format", o.format,
                   "text (default), json (the contract), sarif (SARIF 2.1.0, code scanning) or junit (JUnit "
                   "XML, CI servers) or html (one self-contained page with the topology picture)")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "html"}));
  audit->add_option("--fail-on", o.fail_on,
                    "exit 1 when a finding has this severity or higher (default high; none: never)");
  audit->add_flag("--parse-only", o.parse_only, "load and parse only, print counts and time (benchmarks)");
  audit->add_flag("--stats", o.stats, "print timing and memory to stderr");
  audit->add_flag(
      "--progress", o.progress,
      "show progress on stderr after two seconds (default: only for the text report on a terminal)");
  audit->add_option("--allow-root", o.allowed_roots,
                    "also allow config: paths inside this folder (default: only inside the snapshot "
                    "folder); may be repeated");
  audit
      ->add_option("--lang", o.lang,
                   "language of the text report's ordinance reasons and check titles: en (default) or ja")
      ->check(CLI::IsMember({"en", "ja"}));
  std::string checks_format = "text", checks_lang = "en";
  auto* checks = app.add_subcommand(
      "checks", "list every check: id, severity, tier, guideline §, titles, rationale, fixes");
  checks->add_option("--format", checks_format, "text, json or markdown (docs/checks.md is the markdown)")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  checks
      ->add_option("--lang", checks_lang,
                   "language of the first title in the text listing: en (default) or ja")
      ->check(CLI::IsMember({"en", "ja"}));
  gp::cli::TraceOptions trace_options;
  auto* trace = gp::cli::add_trace_command(app, trace_options);
  gp::cli::DiffOptions diff_options;
  auto* diff = gp::cli::add_diff_command(app, diff_options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  try {
    if (*audit) return run_audit(o);
    if (*trace) return gp::cli::run_trace(trace_options);
    if (*diff) return gp::cli::run_diff(diff_options);
    if (*checks) {
      std::string out =
          checks_format == "json" ? gp::report::checks_json()
          : checks_format == "markdown"
              ? gp::report::checks_markdown()
              : gp::report::checks_text(checks_lang == "ja" ? gp::report::Lang::Ja : gp::report::Lang::En);
      std::fwrite(out.data(), 1, out.size(), stdout);
      return 0;
    }
  } catch (const gp::InputError& e) {
    ProgressLine::erase();
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    ProgressLine::erase();
    std::fprintf(stderr, "internal error: %s\n", e.what());
    return 3;
  } catch (...) {  // not a std::exception: still a bug to report, not a crash
    std::fprintf(stderr, "internal error: an exception of unknown type\n");
    return 3;
  }
  return 0;
}
