// Policy lint runs on every keystroke in the browser's editor: measure a 1000-character post
// against the golden rules in config/policy.json.
#include <benchmark/benchmark.h>

#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>

#include "domain/policy_lint.hpp"
#include "domain/text.hpp"

#ifndef GREENROOM_SOURCE_DIR
#error "compile with -DGREENROOM_SOURCE_DIR=\"/path/to/repo\""
#endif

namespace {

using namespace greenroom::domain;

PolicyRules golden_rules() {
  std::ifstream in(std::string(GREENROOM_SOURCE_DIR) + "/config/policy.json");
  if (!in) throw std::runtime_error("cannot open config/policy.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_policy(nlohmann::json::parse(ss.str()));
}

// About `target` code points of post text built from `sentences`, repeated.
std::string make_post(std::initializer_list<const char*> sentences, std::size_t target) {
  std::string post;
  while (code_point_count(post) < target)
    for (const char* s : sentences) post += s;
  return std::string(*slice_code_points(post, 0, target));
}

// A realistic post with nothing to report.
const std::string kCleanPost =
    make_post({"Proud of what our EMEA team delivered this quarter \xF0\x9F\x9A\x80 ",
               "We grew revenue 12.5% and welcomed 40 new customers. ",
               "Caf\xC3\xA9 chats with the \xE4\xB8\xAD\xE6\x96\x87 team were a highlight. ",
               "Read the recap at https://example.com/q3 and tell me what you think. "},
              1000);

// A post that trips most rules.
const std::string kBusyPost =
    make_post({"This is VERY VERY IMPORTANT!!! ", "Project Falcon is close, call 555-123-4567 ",
               "or mail jane.doe@example.com, see http://example.com #one #two #three #four ",
               "@ann @bob @cy @dee @eve @fay damn \xF0\x9F\x8E\x89 "},
              1000);

void BM_LintCleanPost1000(benchmark::State& state) {
  const PolicyRules rules = golden_rules();
  for (auto _ : state) {
    auto findings = lint_post(kCleanPost, rules);
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(kCleanPost.size()));
}
BENCHMARK(BM_LintCleanPost1000);

void BM_LintBusyPost1000(benchmark::State& state) {
  const PolicyRules rules = golden_rules();
  for (auto _ : state) {
    auto findings = lint_post(kBusyPost, rules);
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(kBusyPost.size()));
}
BENCHMARK(BM_LintBusyPost1000);

// Adversarial inputs of `bytes` bytes, one per rule's worst shape: the time per byte must
// stay flat as the size grows (linear rules), which ->Range shows.
std::string adversarial(int which, std::size_t bytes) {
  static const std::array<std::string, 8> units{")", "a.",  "1 ",    "ab ",
                                                "!", "#a ", "@a.b ", "\xE2\x80\x8B\xEF\xAC\x81"};
  std::string out = which == 0 ? "http://a" : "";
  while (out.size() < bytes) out += units[static_cast<std::size_t>(which)];
  return out;
}

void BM_LintAdversarial(benchmark::State& state) {
  const PolicyRules rules = golden_rules();
  const auto text =
      adversarial(static_cast<int>(state.range(0)), static_cast<std::size_t>(state.range(1)));
  for (auto _ : state) {
    auto findings = lint_post(text, rules);
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
// 0 "http://a)))...", 1 "a.a.…", 2 "1 1 …", 3 "ab ab …", 4 "!!!…", 5 "#a #a …", 6 "@a.b …",
// 7 ZWSP + "ﬁ" repeated; at 20 KB and 200 KB.
BENCHMARK(BM_LintAdversarial)->ArgsProduct({{0, 1, 2, 3, 4, 5, 6, 7}, {20 << 10, 200 << 10}});

}  // namespace

// main() comes from benchmark::benchmark_main (tests/CMakeLists.txt links micro_bench to it).
