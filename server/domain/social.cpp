#include "domain/social.hpp"

#include <algorithm>

#include "domain/references.hpp"

namespace greenroom::domain {

std::optional<std::string> parse_topic(std::string_view raw) {
  if (!raw.empty() && raw.front() == '#') raw.remove_prefix(1);
  if (raw.empty() || raw.size() > 50) return std::nullopt;
  const std::string text = "#" + std::string(raw);
  auto refs = find_references(text);
  if (refs.size() != 1 || refs[0].kind != TextReference::Kind::topic || refs[0].start != 0 ||
      refs[0].end != text.size())
    return std::nullopt;
  return refs[0].value;
}

bool is_everyday_kind(std::string_view kind) {
  return std::find(kEverydayKinds.begin(), kEverydayKinds.end(), kind) != kEverydayKinds.end();
}

std::string like_notice_message(std::string_view latest_liker, std::int64_t others,
                                std::string_view excerpt) {
  std::string out(latest_liker);
  if (others == 1)
    out += " and 1 other";
  else if (others > 1)
    out += " and " + std::to_string(others) + " others";
  out += " liked your post: \"";
  out += excerpt;
  out += "\"";
  return out;
}

bool shows_level(const Actor& viewer, std::int64_t subject_id, const Relation& rel) {
  return viewer.id == subject_id || rel.coaches_author;
}

}  // namespace greenroom::domain
