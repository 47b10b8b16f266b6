#pragma once
// The one way every output file is written (HDF5 results, calibrated scenarios, a sweep's checkpoints).
//
// The bytes go to "<name>.partial", created exclusively (O_EXCL) by this process and locked while it
// writes. When whole, the file is flushed to disk, renamed to <name> and the folder is flushed, so
// <name> is always either absent, the old file untouched, or the new complete file. The rename never
// replaces an existing <name> unless replacing was asked for (--force).
//
// The lock tells a live writer from a dead one: a second writer of the same output is refused with
// "another supplysim (pid N) is writing <name>", and a ".partial" that no process holds is left over
// from a process that died. Such a file is never deleted by another process: it is refused, or taken
// over by the command that may resume it (a sweep with --resume).
//
// The lock is an open-file-description lock (fcntl F_OFD_SETLK) on bytes far beyond any content, so
// it neither touches the data nor conflicts with HDF5's own flock on the same file, and it stays held
// when HDF5 closes its own descriptor. One byte says "being written"; a second byte, at an offset
// made from the writer's process id, lets another process name the writer.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace supplysim {

class OutputError : public std::runtime_error {
public:
    enum class Kind {
        bad_destination,  // the output cannot be written where asked (folder missing or not writable, a
                          // left-over .partial, a folder of that name): exit code 2
        busy,             // another process is writing the same output: exit code 1
        failed,           // the system refused a write (disk full, file too large): exit code 1
    };
    OutputError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

struct AtomicFileOptions {
    bool replace = false;         // commit() may replace an existing <name>
    bool adopt_leftover = false;  // take over a <name>.partial that no process holds, keeping its content
};

class AtomicFile {
public:
    // Creates and locks "<final_path>.partial". Throws OutputError.
    static AtomicFile reserve(const std::string& final_path, AtomicFileOptions options = {});

    AtomicFile() = default;
    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) noexcept;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();  // abandon() unless committed or kept

    bool active() const { return fd_ >= 0; }
    const std::string& final_path() const { return final_; }
    const std::string& partial_path() const { return partial_; }
    // The .partial existed, no process held it, and it was taken over with its content
    // (AtomicFileOptions::adopt_leftover). Until content_replaced(), abandoning it keeps the file.
    bool adopted() const { return adopted_; }
    std::uint64_t size() const;
    // The adopted content is being overwritten (e.g. HDF5 truncates the file): from now on the file
    // is this process's own and abandon() removes it.
    void content_replaced();

    // Appends bytes (text outputs). Throws OutputError(failed) naming the file and the system's reason.
    void write(const std::string& bytes);
    // Flushes the file, renames it to its final name, flushes the folder and releases the lock.
    void commit();
    // Flushes the file and releases the lock, leaving it under "<name>.partial" (an interrupted sweep
    // keeps its finished runs there for --resume).
    void keep();
    // Removes the .partial (when it is still the file this object created) and releases the lock.
    void abandon() noexcept;
    // Moves the .partial's content to `destination` and reserves a fresh, empty .partial in its place
    // (a sweep sets a left-over file aside before writing its own).
    void move_content_to(const std::string& destination);

private:
    void release() noexcept;

    int fd_ = -1;
    std::string final_, partial_;
    AtomicFileOptions options_;
    bool adopted_ = false;
    bool owned_content_ = true;
    std::uint64_t device_ = 0, inode_ = 0;
};

// The process id of the supplysim writing "<final_path>.partial", when a process holds it.
std::optional<long> writer_of(const std::string& final_path);

// "another supplysim (pid N) is writing <name>".
std::string busy_message(long pid, const std::string& final_path);

// Removes every .partial this process created and still holds; for the interrupt watchdog, just
// before the process ends without unwinding.
void remove_partials_before_exit() noexcept;

}  // namespace supplysim
