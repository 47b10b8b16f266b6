#include "interrupts.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <mutex>
#include <thread>

#include "supplysim/runs/experiment.hpp"
#include "supplysim/output/atomic_file.hpp"

namespace supplysim::cli {

namespace {

constexpr int grace_ms = 900;  // the command's own time to stop; the process ends within about a second

int wake[2] = {-1, -1};  // the handler writes a byte, the watchdog reads it

std::mutex message_mutex;
std::string& message() {
    static std::string text = "interrupted; nothing written";
    return text;
}

extern "C" void on_signal(int) {
    cancellation_flag().store(true);
    const char byte = 1;
    // write() is async-signal-safe; if the pipe is full the watchdog is awake already.
    if (wake[1] >= 0) {
        [[maybe_unused]] const auto n = ::write(wake[1], &byte, 1);
    }
}

[[noreturn]] void end_now() {
    remove_partials_before_exit();
    std::string text;
    {
        std::lock_guard lock(message_mutex);
        if (!message().empty()) text = "\nsupplysim: " + message() + "\n";
    }
    [[maybe_unused]] const auto n = ::write(STDERR_FILENO, text.data(), text.size());
    ::_exit(130);
}

void watchdog() {
    char byte = 0;
    while (::read(wake[0], &byte, 1) < 0)
        if (errno != EINTR) return;
    pollfd second{wake[0], POLLIN, 0};
    while (::poll(&second, 1, grace_ms) < 0 && errno == EINTR) {
    }
    end_now();  // the command did not end by itself in time (it returns from main when it does)
}

}  // namespace

void handle_interrupts() {
    cancellation_flag();  // created here, not first inside the handler
    // Without the pipe there is no watchdog; the flag alone still stops the simulation loops.
    if (::pipe2(wake, O_CLOEXEC) == 0) std::thread(watchdog).detach();
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

void set_interrupt_message(const std::string& text) {
    std::lock_guard lock(message_mutex);
    message() = text;
}

}  // namespace supplysim::cli
