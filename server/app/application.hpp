#pragma once
// Wiring: config -> store -> services -> router -> listener, and the serve loop with a
// graceful stop on SIGINT/SIGTERM.
#include "app/config.hpp"

namespace greenroom::app {

// Opens (and migrates) the database, serves until a stop signal; returns the exit code.
int serve(const Config& config);

}  // namespace greenroom::app
