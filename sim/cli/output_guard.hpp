#pragma once
// Before a command writes anything: every file it reads and every file it will write, each resolved
// to the file itself (device and inode, through symbolic and hard links; the full path for files not
// yet written), so that no output can overwrite an input or another output of the same command,
// whatever names they were given by. Overlaps are refused naming both (exit 2); an existing output
// is replaced only with --force.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "supplysim/input/input_file.hpp"

namespace supplysim::cli {

// The command refuses to start: `message` (printed after "supplysim: ") and the exit code.
class Refusal : public std::runtime_error {
public:
    Refusal(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
    int code() const { return code_; }

private:
    int code_;
};

class OutputGuard {
public:
    // An input named on the command line and read by the command itself (HDF5 files).
    void input(const std::string& path);
    // Every scenario, sweep and calibration file read so far (with their `extends:` and `base:` files).
    void inputs_read_so_far();
    // A file the command writes; `option` names it in messages ("-o", "--scenario-out"). Its
    // "<path>.partial" is checked too.
    void output(const std::string& path, const std::string& option);
    // A folder the command writes into (a sweep's checkpoints), named by the output it belongs to.
    void output_folder(const std::string& path, const std::string& option, const std::string& owner);

    // Throws Refusal(2) for an output that is an input or another output, or that lies in a folder
    // another output writes.
    void check_overlaps() const;

    // Throws Refusal(2) when `path` exists, unless `force`; a folder of that name is refused always.
    static void check_replaceable(const std::string& path, const std::string& option, bool force);

private:
    struct Entry {
        std::string path, label, canonical;
        std::optional<FileIdentity> identity;
        bool folder = false;
    };
    static Entry entry(const std::string& path, const std::string& label);
    std::vector<Entry> inputs_, outputs_;
};

}  // namespace supplysim::cli
