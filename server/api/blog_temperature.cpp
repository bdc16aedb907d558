// GET /api/v1/blogs/{id}/temperature?weeks=N: questions and votes per topic by week, so
// leaders see which issues are heating up. Only questions that are out count (open, answered,
// declined: what everyone signed in may see by domain::can_view_question); pending, hidden
// and removed ones and their votes never do. No asker is ever part of it.
#include <algorithm>
#include <charconv>
#include <map>

#include "api/async.hpp"
#include "api/blogs.hpp"
#include "api/json_body.hpp"
#include "domain/analytics.hpp"
#include "domain/errors.hpp"
#include "http/responses.hpp"
#include "store/question_repository.hpp"

namespace greenroom::api {

using boost::asio::awaitable;
namespace d = greenroom::domain;

namespace {

struct TopicRow {
  std::optional<std::string> topic;
  std::vector<std::int64_t> questions, votes;
  std::int64_t total_questions = 0, total_votes = 0;
};

}  // namespace

awaitable<http::Response> get_blog_temperature(Services& s, http::RequestContext& ctx) {
  authenticate(s, ctx);
  auto blog = load_blog(s, ctx.id_param());
  const int weeks = read_int_query(ctx, "weeks", 12, 1, 52);
  const auto from = d::week_start(d::now_millis()) - (weeks - 1) * d::kWeekMillis;
  std::vector<store::QuestionRepository::TopicWeek> rows;
  {
    auto conn = s.reads.acquire();
    rows = store::QuestionRepository::temperature(*conn, blog.id, from);
  }
  // "" stands for "no topic" while grouping; it is never a stored topic (topics are 1..40).
  std::map<std::string, TopicRow> topics;
  for (const auto& r : rows) {
    const auto index = (r.week_start - from) / d::kWeekMillis;
    if (index < 0 || index >= weeks) continue;
    auto& t = topics[r.topic.value_or("")];
    if (t.questions.empty()) {
      t.topic = r.topic;
      t.questions.assign(weeks, 0);
      t.votes.assign(weeks, 0);
    }
    t.questions[index] += r.questions;
    t.votes[index] += r.votes;
    t.total_questions += r.questions;
    t.total_votes += r.votes;
  }
  std::vector<TopicRow> sorted;
  for (auto& [key, t] : topics) sorted.push_back(std::move(t));
  std::stable_sort(sorted.begin(), sorted.end(), [](const TopicRow& a, const TopicRow& b) {
    return a.total_votes + a.total_questions > b.total_votes + b.total_questions;
  });
  auto week_starts = nlohmann::json::array();
  for (int i = 0; i < weeks; ++i)
    week_starts.push_back(d::format_rfc3339(from + i * d::kWeekMillis));
  auto items = nlohmann::json::array();
  for (const auto& t : sorted)
    items.push_back({{"topic", t.topic ? nlohmann::json(*t.topic) : nlohmann::json(nullptr)},
                     {"questions", t.questions},
                     {"votes", t.votes},
                     {"total_questions", t.total_questions},
                     {"total_votes", t.total_votes}});
  co_return http::json_response(http::Status::ok, {{"blog_id", blog.id},
                                                   {"weeks", weeks},
                                                   {"week_starts", std::move(week_starts)},
                                                   {"topics", std::move(items)}});
}

}  // namespace greenroom::api
