#pragma once
// SIGINT and SIGTERM end every command within about a second with exit code 130, whatever it is
// doing. The handler only raises the cancellation flag, which the simulation loops check every
// month; a watchdog thread gives the command a short grace period to stop by itself (a sweep uses it
// to keep its finished runs), then removes the .partial files this process is writing and ends the
// process. That covers what the loops cannot see: reading a large file, building a large world,
// one long month, writing a large file, a system call that blocks. A second signal ends it at once.
#include <string>

namespace supplysim::cli {

// Installs the handlers for SIGINT and SIGTERM and starts the watchdog.
void handle_interrupts();

// What the watchdog prints ("supplysim: <message>") when it ends the process itself; by default
// "interrupted; nothing written"; nothing when empty (MPI ranks other than 0).
void set_interrupt_message(const std::string& message);

}  // namespace supplysim::cli
