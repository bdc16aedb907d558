// Micro-benchmarks of the feed's hot path: writing a page of posts as JSON text, against
// building the nlohmann DOM and dumping it (what the handler did before), and the time format.
#include <benchmark/benchmark.h>

#include "api/views.hpp"
#include "domain/anchoring.hpp"
#include "domain/time.hpp"

namespace {

std::vector<greenroom::store::PostRecord> page_of_posts() {
  std::vector<greenroom::store::PostRecord> page(20);
  for (std::size_t i = 0; i < page.size(); ++i) {
    auto& p = page[i];
    p.id = 1000000 - static_cast<std::int64_t>(i);
    p.author = {7, "dana", "Dana Whitfield (CEO)"};
    p.body =
        "Seeded post: quarterly update on customer satisfaction, hiring and our "
        "sustainability goals, with thanks to the teams who made it happen.";
    p.state = greenroom::domain::PostState::published;
    p.created_at = p.updated_at = 1732460478123 + static_cast<std::int64_t>(i);
    p.published_at = p.created_at;
    p.reply_count = 3;
    p.like_count = 12;
  }
  return page;
}

void FeedPageAsText(benchmark::State& state) {
  auto page = page_of_posts();
  for (auto _ : state) {
    std::string out;
    out.reserve(256 + page.size() * 512);
    for (const auto& p : page) greenroom::api::append_post_json(out, p);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(page.size()));
}
BENCHMARK(FeedPageAsText);

void FeedPageViaJsonDom(benchmark::State& state) {
  auto page = page_of_posts();
  for (auto _ : state) {
    auto items = nlohmann::json::array();
    for (const auto& p : page) items.push_back(greenroom::api::post_json(p));
    auto out = nlohmann::json{{"items", std::move(items)}, {"next", nullptr}}.dump();
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(page.size()));
}
BENCHMARK(FeedPageViaJsonDom);

void FormatRfc3339(benchmark::State& state) {
  greenroom::domain::Millis t = 1732460478123;
  for (auto _ : state) benchmark::DoNotOptimize(greenroom::domain::format_rfc3339(t++));
}
BENCHMARK(FormatRfc3339);

void ReanchorAfterEdit(benchmark::State& state) {
  std::string text;
  for (int i = 0; i < 20; ++i)
    text += "The team delivered great results for our customers this quarter. ";
  auto anchor = *greenroom::domain::make_anchor(text, 650, 670);
  auto edited = "Update: " + text;
  for (auto _ : state) benchmark::DoNotOptimize(greenroom::domain::reanchor(anchor, edited));
}
BENCHMARK(ReanchorAfterEdit);

}  // namespace
