// `gapproof diff --git REV1..REV2 DIR`: the snapshot folder DIR as it was at two revisions of
// the git repository that holds it (DIR may be any folder inside a larger repository), written
// into temporary folders with libgit2; the folders are removed with the object.
#pragma once
#include <string>
#include <utility>

namespace gp::diff {

struct GitSnapshots {
  std::string before_dir, after_dir;      // after_dir is DIR itself for "REV" alone (REV..working tree)
  std::string before_label, after_label;  // "REV1 (abc1234)", ...
  std::string temp_root;                  // removed by the destructor

  GitSnapshots() = default;
  GitSnapshots(const GitSnapshots&) = delete;
  GitSnapshots& operator=(const GitSnapshots&) = delete;
  GitSnapshots(GitSnapshots&& o) noexcept
      : before_dir(std::move(o.before_dir)),
        after_dir(std::move(o.after_dir)),
        before_label(std::move(o.before_label)),
        after_label(std::move(o.after_label)),
        temp_root(std::move(o.temp_root)) {
    o.temp_root.clear();
  }
  ~GitSnapshots();
};

// `range` is "REV1..REV2" or "REV" (compared with the working tree). Throws InputError naming the
// revision or the folder that cannot be read.
GitSnapshots checkout_revisions(const std::string& range, const std::string& dir);

}  // namespace gp::diff
