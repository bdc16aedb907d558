#include "domain/model.hpp"

#include <array>
#include <utility>

namespace greenroom::domain {
namespace {

template <class E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<std::string_view, E>, N>& table,
                        std::string_view s) {
  for (const auto& [name, value] : table)
    if (name == s) return value;
  return std::nullopt;
}

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<std::string_view, E>, N>& table, E e) {
  for (const auto& [name, value] : table)
    if (value == e) return name;
  return "unknown";
}

constexpr std::array<std::pair<std::string_view, Role>, 5> kRoles{{
    {"admin", Role::admin},
    {"moderator", Role::moderator},
    {"coach", Role::coach},
    {"executive", Role::executive},
    {"member", Role::member},
}};
constexpr std::array<std::pair<std::string_view, Level>, 3> kLevels{{
    {"crawl", Level::crawl},
    {"walk", Level::walk},
    {"run", Level::run},
}};
constexpr std::array<std::pair<std::string_view, Space>, 2> kSpaces{{
    {"practice", Space::practice},
    {"company", Space::company},
}};
constexpr std::array<std::pair<std::string_view, PostState>, 7> kStates{{
    {"draft", PostState::draft},
    {"in_review", PostState::in_review},
    {"changes_requested", PostState::changes_requested},
    {"approved", PostState::approved},
    {"published", PostState::published},
    {"hidden", PostState::hidden},
    {"removed", PostState::removed},
}};
constexpr std::array<std::pair<std::string_view, PostAction>, 3> kActions{{
    {"draft", PostAction::draft},
    {"submit", PostAction::submit},
    {"publish", PostAction::publish},
}};
constexpr std::array<std::pair<std::string_view, ReplyState>, 3> kReplyStates{{
    {"visible", ReplyState::visible},
    {"hidden", ReplyState::hidden},
    {"removed", ReplyState::removed},
}};
constexpr std::array<std::pair<std::string_view, ReplyReview>, 4> kReplyReviews{{
    {"none", ReplyReview::none},
    {"in_review", ReplyReview::in_review},
    {"changes_requested", ReplyReview::changes_requested},
    {"approved", ReplyReview::approved},
}};

}  // namespace

std::optional<Role> parse_role(std::string_view s) {
  return lookup(kRoles, s);
}
std::optional<Level> parse_level(std::string_view s) {
  return lookup(kLevels, s);
}
std::optional<Space> parse_space(std::string_view s) {
  return lookup(kSpaces, s);
}
std::optional<PostState> parse_state(std::string_view s) {
  return lookup(kStates, s);
}
std::optional<PostAction> parse_action(std::string_view s) {
  return lookup(kActions, s);
}

std::optional<ReplyState> parse_reply_state(std::string_view s) {
  return lookup(kReplyStates, s);
}
std::optional<ReplyReview> parse_reply_review(std::string_view s) {
  return lookup(kReplyReviews, s);
}

std::string_view to_string(Role r) {
  return name_of(kRoles, r);
}
std::string_view to_string(Level l) {
  return name_of(kLevels, l);
}
std::string_view to_string(Space s) {
  return name_of(kSpaces, s);
}
std::string_view to_string(PostState s) {
  return name_of(kStates, s);
}
std::string_view to_string(PostAction a) {
  return name_of(kActions, a);
}
std::string_view to_string(ReplyState s) {
  return name_of(kReplyStates, s);
}
std::string_view to_string(ReplyReview r) {
  return name_of(kReplyReviews, r);
}

}  // namespace greenroom::domain
