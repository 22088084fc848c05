#include "parsers/fortigate/tree.h"

namespace gp::parsers::fgt {

std::string Node::path() const {
  std::string p;
  for (const auto& w : words) {
    if (!p.empty()) p += ' ';
    p += w;
  }
  return p;
}

const Node* Node::find_set(std::string_view key) const {
  for (const auto& c : children)
    if (c.kind == Kind::Set && !c.words.empty() && c.words[0] == key) return &c;
  return nullptr;
}

namespace {

// One logical statement read from `in` at `pos`: words (quotes removed, escapes resolved), the
// first physical line's text and the number of line breaks consumed inside quotes.
struct Statement {
  std::vector<std::string> words;
  std::string first_text;
  int extra_lines = 0;
  bool open_quote = false;  // a quoted part ran to the end of the input
};

Statement read_statement(std::string_view in, size_t& pos) {
  Statement st;
  size_t line_start = pos;
  size_t first_end = std::string_view::npos;
  while (pos < in.size()) {
    char ch = in[pos];
    if (ch == '\n') break;
    if (ch == ' ' || ch == '\t' || ch == '\r') {
      ++pos;
      continue;
    }
    std::string w;
    bool quoted_any = false;
    while (pos < in.size()) {
      ch = in[pos];
      if (ch == '"') {
        // A quoted part: up to the matching quote, across line breaks.
        char q = ch;
        quoted_any = true;
        ++pos;
        while (pos < in.size() && in[pos] != q) {
          if (in[pos] == '\\' && pos + 1 < in.size()) {
            ++pos;
            if (in[pos] == '\n') {
              st.extra_lines += pos + 1 < in.size();  // the file's last line break starts no line
              if (first_end == std::string_view::npos) first_end = pos - 1;
            }
            w.push_back(in[pos++]);
            continue;
          }
          if (in[pos] == '\n') {
            st.extra_lines += pos + 1 < in.size();
            if (first_end == std::string_view::npos) first_end = pos;
          }
          w.push_back(in[pos++]);
        }
        if (pos < in.size())
          ++pos;  // closing quote
        else
          st.open_quote = true;
        continue;
      }
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') break;
      if (ch == '\\' && pos + 1 < in.size() && in[pos + 1] != '\n') {
        w.push_back(in[pos + 1]);
        pos += 2;
        continue;
      }
      w.push_back(ch);
      ++pos;
    }
    if (!w.empty() || quoted_any) st.words.push_back(std::move(w));
  }
  if (first_end == std::string_view::npos) first_end = pos;
  std::string_view t = in.substr(line_start, first_end - line_start);
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r')) t.remove_suffix(1);
  st.first_text = std::string(t);
  if (pos < in.size()) ++pos;  // the line break
  return st;
}

Node::Kind kind_of(const std::string& keyword) {
  if (keyword == "config") return Node::Kind::Config;
  if (keyword == "edit") return Node::Kind::Edit;
  if (keyword == "set") return Node::Kind::Set;
  if (keyword == "unset") return Node::Kind::Unset;
  return Node::Kind::Other;
}

// Follows the blocks opened beyond kMaxDepth (kinds only: they are not in the tree). Returns
// false when `k` closes them all and must close a block of the tree instead.
bool follow_deep(std::vector<Node::Kind>& deep, const std::string& k) {
  if (k == "end") {
    while (!deep.empty() && deep.back() == Node::Kind::Edit) deep.pop_back();
    if (deep.empty()) return false;
    deep.pop_back();
  } else if (k == "next") {
    if (deep.back() == Node::Kind::Edit) deep.pop_back();
  } else if (k == "config") {
    deep.push_back(Node::Kind::Config);
  } else if (k == "edit") {
    if (deep.back() == Node::Kind::Edit) deep.pop_back();  // a sibling of the open edit
    deep.push_back(Node::Kind::Edit);
  }
  return true;
}

}  // namespace

Tree read_tree(std::string_view in) {
  Tree tree;
  std::vector<Node*> stack;      // open config/edit blocks
  std::vector<Node::Kind> deep;  // blocks open beyond kMaxDepth, innermost last
  auto container = [&]() -> std::deque<Node>& { return stack.empty() ? tree.top : stack.back()->children; };
  size_t pos = 0;
  int line = 1;
  while (pos < in.size()) {
    Statement st = read_statement(in, pos);
    const int first = line;
    line += 1 + st.extra_lines;
    if (st.open_quote && !tree.unterminated_quote) tree.unterminated_quote = first;
    if (st.words.empty()) continue;
    const std::string& k = st.words[0];
    Node n;
    n.line = first;
    n.last_line = first + st.extra_lines;
    n.keyword = k;
    n.words.assign(st.words.begin() + 1, st.words.end());
    n.text = std::move(st.first_text);
    n.kind = kind_of(k);
    if (!deep.empty() && follow_deep(deep, k)) {
      if ((k == "append" || k == "select") && !n.words.empty()) n.kind = Node::Kind::Set;  // masked as one
      tree.too_deep.push_back(std::move(n));
      continue;
    }
    if (k == "next") {
      if (!stack.empty() && stack.back()->kind == Node::Kind::Edit) {
        stack.back()->close_line = first;
        stack.pop_back();
        tree.structure_lines.push_back(first);
      } else {
        tree.stray.push_back({first, n.text});
      }
      continue;
    }
    if (k == "end") {
      // Closes the innermost config block (and an edit left open inside it).
      while (!stack.empty() && stack.back()->kind == Node::Kind::Edit) stack.pop_back();
      if (!stack.empty()) {
        stack.back()->close_line = first;
        stack.pop_back();
        tree.structure_lines.push_back(first);
      } else {
        tree.stray.push_back({first, n.text});
      }
      continue;
    }
    if (k[0] == '#' && !stack.empty()) {
      tree.comments.push_back(first);
      continue;
    }
    if ((k == "append" || k == "select") && n.words.size() >= 1) {
      // "append k v": adds values to the list of "set k"; "select k v": same as "set k v".
      auto& c = container();
      Node* prior = nullptr;
      for (auto it = c.rbegin(); it != c.rend() && k == "append"; ++it)
        if (it->kind == Node::Kind::Set && !it->words.empty() && it->words[0] == n.words[0]) {
          prior = &*it;
          break;
        }
      if (prior) {
        prior->words.insert(prior->words.end(), n.words.begin() + 1, n.words.end());
        prior->append_lines.push_back(first);
        continue;
      }
      n.kind = Node::Kind::Set;
      c.push_back(std::move(n));
      continue;
    }
    if (n.kind == Node::Kind::Edit && !stack.empty() && stack.back()->kind == Node::Kind::Edit) {
      // "edit" without "next": a sibling of the open edit.
      stack.pop_back();
    }
    const bool opens = n.kind == Node::Kind::Config || n.kind == Node::Kind::Edit;
    if (opens && stack.size() >= kMaxDepth) {
      deep.push_back(n.kind);
      tree.too_deep.push_back(std::move(n));
      continue;
    }
    auto& c = container();
    c.push_back(std::move(n));
    Node* added = &c.back();
    if (added->kind == Node::Kind::Config || added->kind == Node::Kind::Edit) stack.push_back(added);
  }
  for (const Node* open : stack)
    if (open->kind == Node::Kind::Config) tree.unclosed.push_back(open->line);
  // Physical lines of the file (an unterminated quote may have swallowed the final line break).
  int n = 0;
  for (char ch : in) n += ch == '\n';
  if (!in.empty() && in.back() != '\n') ++n;
  tree.total_lines = n;
  return tree;
}

}  // namespace gp::parsers::fgt
