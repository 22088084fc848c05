#include "cli/diff_command.h"

#include <cstdio>
#include <optional>

#include "base/input_error.h"
#include "diff/git_revisions.h"
#include "diff/snapshot_diff.h"
#include "parsers/topology/load_snapshot.h"
#include "report/diff_report.h"

namespace gp::cli {

CLI::App* add_diff_command(CLI::App& app, DiffOptions& o) {
  auto* d = app.add_subcommand(
      "diff",
      "what a change does: zone verdicts, flows into control zones opened and closed (with the lines on both "
      "sides), findings new and fixed, changed lines");
  d->add_option("dirs", o.dirs, "BEFORE AFTER (two snapshot folders), or DIR with --git")->required();
  d->add_option("--git", o.git,
                "REV1..REV2: compare DIR as it is at two revisions of the git repository holding it (REV "
                "alone: that revision against the working tree)");
  d->add_option("--format", o.format, "text (default) or json (docs/diff.md)")
      ->check(CLI::IsMember({"text", "json"}));
  d->add_option("--fail-on", o.fail_on,
                "exit 1 when the change adds a finding of this severity or higher (default high; none: "
                "only opened flows and worse verdicts)");
  d->add_option("--allow-root", o.allowed_roots,
                "also allow config: paths inside this folder (as for audit); may be repeated");
  return d;
}

namespace {

// Loads and audits one side; an input error says which side it is in.
std::unique_ptr<diff::Side> side(const std::string& which, const std::string& dir, const std::string& label,
                                 const DiffOptions& o) {
  model::Snapshot snap;
  try {
    snap = parsers::load_snapshot(dir, {o.allowed_roots});
  } catch (const InputError& e) {
    throw InputError(e.where,
                     which + " (" + label + "): " + std::string(e.what()).substr(e.where.str().size() + 2));
  }
  return diff::audit_side(which + " (" + label + ")", std::move(snap));
}

}  // namespace

int run_diff(const DiffOptions& o) {
  checks::Severity threshold = checks::Severity::Critical;
  const bool never = o.fail_on == "none";
  if (!never && !checks::severity_from(o.fail_on, threshold))
    throw InputError(SourceRef{"--fail-on " + o.fail_on, 0, 0},
                     "must be one of info, low, medium, high, critical, none");
  std::optional<diff::GitSnapshots> git;
  std::string before_dir, after_dir, before_label, after_label;
  if (!o.git.empty()) {
    if (o.dirs.size() != 1)
      throw InputError(SourceRef{"--git " + o.git, 0, 0}, "give one snapshot folder with --git, not two");
    git.emplace(diff::checkout_revisions(o.git, o.dirs[0]));
    before_dir = git->before_dir, after_dir = git->after_dir;
    before_label = o.dirs[0] + " at " + git->before_label;
    after_label = o.dirs[0] + " at " + git->after_label;
  } else {
    if (o.dirs.size() != 2)
      throw InputError(SourceRef{"diff", 0, 0},
                       "give two snapshot folders: BEFORE AFTER (or --git REV1..REV2 DIR)");
    before_dir = before_label = o.dirs[0];
    after_dir = after_label = o.dirs[1];
  }
  auto before = side("BEFORE", before_dir, before_label, o);
  auto after = side("AFTER", after_dir, after_label, o);
  const diff::SnapshotDiff d = diff::diff_snapshots(*before, *after);
  report::DiffReport rep{*before, *after, d, diff::failing_reasons(d, threshold, never)};
  const std::string out = o.format == "json" ? report::diff_to_json(rep) : report::diff_to_text(rep);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return rep.failing.empty() ? 0 : 1;
}

}  // namespace gp::cli
