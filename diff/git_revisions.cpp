#include "diff/git_revisions.h"

#include <git2.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "base/input_error.h"

namespace gp::diff {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& why) {
  const git_error* e = git_error_last();
  throw InputError(SourceRef{what, 0, 0}, why + (e && e->message ? std::string(": ") + e->message : ""));
}

// libgit2 objects freed on every path out (an InputError included).
template <typename T, void (*Free)(T*)>
struct Owned {
  T* p = nullptr;
  ~Owned() {
    if (p) Free(p);
  }
};
using Repo = Owned<git_repository, git_repository_free>;
using Object = Owned<git_object, git_object_free>;
using Tree = Owned<git_tree, git_tree_free>;
using Entry = Owned<git_tree_entry, git_tree_entry_free>;
using Blob = Owned<git_blob, git_blob_free>;

struct Library {
  Library() { git_libgit2_init(); }
  ~Library() { git_libgit2_shutdown(); }
};

// A name git stores is one path component; anything else would write outside the folder.
bool safe_component(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
         name.find('\0') == std::string::npos;
}

void write_tree(git_repository* repo, const git_tree* tree, const fs::path& out, const std::string& label,
                int depth) {
  if (depth > 64) fail(label, "the folder is nested more than 64 levels deep");
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) fail(label, "cannot create " + out.string() + ": " + ec.message());
  const size_t n = git_tree_entrycount(tree);
  for (size_t i = 0; i < n; ++i) {
    const git_tree_entry* e = git_tree_entry_byindex(tree, i);
    const std::string name = git_tree_entry_name(e);
    if (!safe_component(name)) fail(label, "a tree entry has an unsafe name: " + name);
    const fs::path target = out / name;
    switch (git_tree_entry_type(e)) {
      case GIT_OBJECT_TREE: {
        Tree sub;
        if (git_tree_lookup(&sub.p, repo, git_tree_entry_id(e)) != 0)
          fail(label, "cannot read folder " + name);
        write_tree(repo, sub.p, target, label, depth + 1);
        break;
      }
      case GIT_OBJECT_BLOB: {
        Blob b;
        if (git_blob_lookup(&b.p, repo, git_tree_entry_id(e)) != 0) fail(label, "cannot read file " + name);
        const char* data = static_cast<const char*>(git_blob_rawcontent(b.p));
        const auto size = static_cast<std::streamsize>(git_blob_rawsize(b.p));
        if (git_tree_entry_filemode(e) == GIT_FILEMODE_LINK) {
          // A symbolic link stays one: the snapshot boundary (snapshot_files.h) judges where it points.
          std::error_code ec;
          fs::create_symlink(std::string(data, static_cast<size_t>(size)), target, ec);
          if (ec) fail(label, "cannot write the link " + name + ": " + ec.message());
          break;
        }
        std::ofstream f(target, std::ios::binary);
        f.write(data, size);
        if (!f) fail(label, "cannot write " + target.string());
        break;
      }
      default:  // a submodule (commit): not part of this repository's content
        break;
    }
  }
}

// DIR's tree at `rev`, written to `out`.
void export_revision(git_repository* repo, const std::string& rev, const std::string& rel,
                     const fs::path& out, std::string& label) {
  Object obj, peeled;
  if (git_revparse_single(&obj.p, repo, rev.c_str()) != 0) fail("--git " + rev, "no such revision");
  if (git_object_peel(&peeled.p, obj.p, GIT_OBJECT_TREE) != 0) fail("--git " + rev, "not a commit or tree");
  char id[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(id, 8, git_object_id(obj.p));
  label = rev + " (" + id + ")";
  const git_tree* root = reinterpret_cast<const git_tree*>(peeled.p);
  if (rel.empty()) return write_tree(repo, root, out, label, 0);
  Entry entry;
  if (git_tree_entry_bypath(&entry.p, root, rel.c_str()) != 0)
    fail("--git " + rev, "folder " + rel + " does not exist at this revision");
  if (git_tree_entry_type(entry.p) != GIT_OBJECT_TREE) fail("--git " + rev, rel + " is not a folder");
  Tree sub;
  if (git_tree_lookup(&sub.p, repo, git_tree_entry_id(entry.p)) != 0)
    fail("--git " + rev, "cannot read " + rel);
  write_tree(repo, sub.p, out, label, 0);
}

}  // namespace

GitSnapshots::~GitSnapshots() {
  if (temp_root.empty()) return;
  std::error_code ec;
  fs::remove_all(temp_root, ec);  // best effort: a temporary folder left behind is no error
}

GitSnapshots checkout_revisions(const std::string& range, const std::string& dir) {
  Library lib;
  std::error_code ec;
  const fs::path folder = fs::canonical(dir, ec);
  if (ec || !fs::is_directory(folder)) throw InputError(SourceRef{dir, 0, 0}, "not a folder");
  Repo repo;
  if (git_repository_open_ext(&repo.p, folder.c_str(), 0, nullptr) != 0)
    fail(dir, "not inside a git repository");
  const char* workdir = git_repository_workdir(repo.p);
  if (!workdir) fail(dir, "the repository has no working tree (bare)");
  const fs::path top = fs::canonical(workdir, ec);
  std::string rel = folder.lexically_relative(top).generic_string();
  if (rel == ".") rel.clear();
  if (rel.rfind("..", 0) == 0) fail(dir, "the folder is outside the repository's working tree");

  std::string rev1 = range, rev2;
  const auto dots = range.find("..");
  if (dots != std::string::npos) {
    rev1 = range.substr(0, dots);
    rev2 = range.substr(dots + 2);
    if (rev1.empty() || rev2.empty())
      throw InputError(SourceRef{"--git " + range, 0, 0}, "expected REV1..REV2 or REV");
  }
  GitSnapshots out;
  std::string tmpl = (fs::temp_directory_path() / "gapproof-diff-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw InputError(SourceRef{"--git", 0, 0}, "cannot create a temporary folder");
  out.temp_root = tmpl;
  out.before_dir = (fs::path(tmpl) / "before").string();
  export_revision(repo.p, rev1, rel, out.before_dir, out.before_label);
  if (rev2.empty()) {
    out.after_dir = folder.string();
    out.after_label = "the working tree";
  } else {
    out.after_dir = (fs::path(tmpl) / "after").string();
    export_revision(repo.p, rev2, rel, out.after_dir, out.after_label);
  }
  return out;
}

}  // namespace gp::diff
