#pragma once
// The rules of the social layer that need no I/O: what a topic name is, which notification
// kinds a person may turn off, how grouped like notices read, and who sees a person's level.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/model.hpp"

namespace greenroom::domain {

// A topic as domain::find_references stores it (lower-case, without '#'), from what a person
// typed ("#OKRs" or "okrs"); nullopt when it is no topic ("#1", "a b", "café").
std::optional<std::string> parse_topic(std::string_view raw);

// Notices of everyday activity, each of which a person may turn off. Every other kind (reviews,
// verdicts, moderation, goals, mentoring, questions) always arrives.
inline constexpr std::array<std::string_view, 5> kEverydayKinds = {"reply", "like", "mention",
                                                                   "new_follower", "new_article"};
bool is_everyday_kind(std::string_view kind);

// "Ana liked your post: "…"" or "Ana and 4 others liked your post: "…"" (`others` people besides
// the latest liker; one other is "and 1 other").
std::string like_notice_message(std::string_view latest_liker, std::int64_t others,
                                std::string_view excerpt);

// Whether `viewer` may see the training level of `subject` (an executive): the person
// themself and their coaches only.
bool shows_level(const Actor& viewer, std::int64_t subject_id, const Relation& rel);

}  // namespace greenroom::domain
