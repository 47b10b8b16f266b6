#pragma once
// Reading the files a command is given (scenarios, `extends:` chains, sweep and calibration files):
// only regular files, never more than a size limit, and never blocking. A FIFO, a device such as
// /dev/zero or a folder named as input would otherwise block forever or read until memory runs out.
// Every file read is remembered, so a command can refuse an output that would overwrite an input.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace supplysim {

// Why a named input cannot be read, as a phrase that follows "file": "not found", "is a FIFO (named
// pipe), not a regular file", "is larger than 64 MiB", "cannot be read (Permission denied)".
class InputFileProblem : public std::runtime_error {
public:
    explicit InputFileProblem(const std::string& problem) : std::runtime_error(problem) {}
};

inline constexpr std::size_t max_input_bytes = 64u << 20;

// Empty when `path` is a regular file that can be opened for reading; otherwise why not (a phrase as
// above). Never blocks and never throws.
std::string regular_file_problem(const std::string& path);

// The whole file, checked on the open file itself (so a file swapped for a FIFO after a check is
// still refused). Throws InputFileProblem. The file is remembered in inputs_read().
std::string read_input_file(const std::string& path, std::size_t limit = max_input_bytes);

// The same file on the same device (hard links and symbolic links included).
struct FileIdentity {
    std::uint64_t device = 0, inode = 0;
    bool operator==(const FileIdentity&) const = default;
};
std::optional<FileIdentity> identity_of(const std::string& path);

// Every file read by read_input_file in this process, in order, without repeats.
struct InputRecord {
    std::string path;
    FileIdentity identity;
};
std::vector<InputRecord> inputs_read();

}  // namespace supplysim
