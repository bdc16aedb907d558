#include "app/seed_evidence.hpp"

#include <array>
#include <string>

#include "api/evidence_recording.hpp"
#include "app/policy_bootstrap.hpp"
#include "store/coaching_repository.hpp"
#include "store/post_repository.hpp"

namespace greenroom::app {

namespace {

namespace d = greenroom::domain;

constexpr d::Millis kHour = 3'600'000, kDay = 24 * kHour;

constexpr std::array<std::string_view, 11> kTopics{{
    "the new warehouse opens in spring",
    "our Leeds team moves to the third floor next month",
    "the customer advisory board meets again in May",
    "we are piloting four-day sprints in product",
    "the graduate programme doubles in size this year",
    "our night shift gets its own canteen hours",
    "the supplier portal now shows every invoice status",
    "we are hiring two apprentices in logistics",
    "the safety walk-rounds start again on Monday",
    "our carbon report for the year is out",
    "the help desk now answers chats in under a minute",
}};

struct Round {
  const char* verdict;
  store::Rubric rubric;
};

class History {
 public:
  History(store::Connection& conn, std::int64_t evan, std::int64_t cora)
      : conn_(conn), evan_(evan), cora_(cora) {
    policy_.set(load_policy(conn));
  }

  // One practice post: its versions saved (the first as a draft), submitted; each verdict
  // but the last asks for changes and is answered by the next version, resubmitted.
  void post(d::Millis at, const std::vector<std::string>& drafts,
            const std::vector<std::string>& revisions, const std::vector<Round>& rounds) {
    const auto id = store::PostRepository::insert(
        conn_, {evan_, d::Space::practice, d::PostState::draft, drafts.front()}, at);
    std::int64_t version = 1;
    save(id, version, drafts.front(), api::EvidenceKind::save, false, at);
    for (std::size_t i = 1; i < drafts.size(); ++i) {
      at += 2 * kHour;
      version = store::PostRepository::revise(conn_, id, drafts[i], std::nullopt, at);
      save(id, version, drafts[i], api::EvidenceKind::save, false, at);
    }
    std::string body = drafts.back();
    for (std::size_t r = 0; r < rounds.size(); ++r) {
      at += kHour;
      store::PostRepository::set_state(conn_, id, d::PostState::in_review, at);
      save(id, version, body, api::EvidenceKind::submit, true, at);
      at += 5 * kHour;
      const bool approve = std::string_view(rounds[r].verdict) == "approve";
      store::ReviewRepository::insert(
          conn_, id, version, cora_, rounds[r].verdict,
          approve ? "Clear and warm. Go ahead." : "Nearly there; see my notes.", rounds[r].rubric,
          at);
      if (approve) {
        store::PostRepository::set_state(conn_, id, d::PostState::approved, at);
        at += kHour;
        store::PostRepository::set_state(conn_, id, d::PostState::published, at);
        save(id, version, body, api::EvidenceKind::publish, false, at);
        return;
      }
      store::PostRepository::set_state(conn_, id, d::PostState::changes_requested, at);
      at += 3 * kHour;
      body = revisions.at(r);
      version = store::PostRepository::revise(conn_, id, body, std::nullopt, at);
      save(id, version, body, api::EvidenceKind::save, false, at);
    }
  }

 private:
  void save(std::int64_t id, std::int64_t version, const std::string& body, api::EvidenceKind kind,
            bool submission, d::Millis at) {
    api::record_coaching_evidence(conn_, policy_, {id, evan_, version, &body}, kind, submission,
                                  at);
  }

  store::Connection& conn_;
  std::int64_t evan_, cora_;
  api::PolicyHolder policy_;
};

}  // namespace

void seed_coaching_evidence(store::Connection& conn,
                            const std::function<std::int64_t(std::string_view)>& id_of,
                            d::Millis now) {
  History h(conn, id_of("evan"), id_of("cora"));
  // Two posts a week from twelve weeks ago to last week.
  const auto start = now - 84 * kDay + 10 * kHour;
  for (std::size_t i = 0; i < 22; ++i) {
    const auto at = start + static_cast<d::Millis>(i) * (7 * kDay / 2);
    const std::string topic(kTopics[i % kTopics.size()]);
    const std::string insecure = "Details at http://intranet.example.com/news";
    const std::string secure = "Details at https://intranet.example.com/news";
    const std::string clean = "Some news: " + topic + ". " + secure;
    if (i < 6) {
      // Weeks 1-3: a confidential code name and an insecure link; changes asked once.
      h.post(at,
             {"Some news on Project Falcon: " + topic + ". " + insecure,
              "Some news: " + topic + ". " + insecure},
             {clean}, {{"changes_requested", {3, 3, 3, 3}}, {"approve", {4, 3, 4, 3}}});
    } else if (i < 10) {
      // Weeks 4-5: the code name still slips into first drafts; fixed before submitting.
      h.post(at, {"Some news on Project Falcon: " + topic + ". " + secure, clean}, {},
             {{"approve", {4, 4, 4, 3}}});
    } else if (i < 14) {
      // Weeks 6-7: only a warning left, fixed before submitting.
      h.post(at, {"Some news: " + topic + ". " + insecure, clean}, {}, {{"approve", {4, 4, 4, 4}}});
    } else {
      // From week 8: clean first drafts, approved at once.
      h.post(at, {clean}, {}, {{"approve", {5, 4, 5, 4}}});
    }
  }
}

}  // namespace greenroom::app
