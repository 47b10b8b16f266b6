#include "output_guard.hpp"

#include <sys/stat.h>

#include "supplysim/input/file_check.hpp"

namespace supplysim::cli {

namespace {

bool same_file(const std::optional<FileIdentity>& a, const std::string& a_path, const std::optional<FileIdentity>& b,
               const std::string& b_path) {
    if (a && b) return *a == *b;
    return a_path == b_path;  // a file not written yet: by its full path
}

bool inside(const std::string& path, const std::string& folder) {
    return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 && path[folder.size()] == '/';
}

}  // namespace

OutputGuard::Entry OutputGuard::entry(const std::string& path, const std::string& label) {
    return {path, label, canonical_or_normal(path), identity_of(path)};
}

void OutputGuard::input(const std::string& path) { inputs_.push_back(entry(path, path)); }

void OutputGuard::inputs_read_so_far() {
    for (const auto& record : inputs_read()) {
        auto e = entry(record.path, record.path);
        e.identity = record.identity;  // the file as it was read, even if the name changed since
        inputs_.push_back(e);
    }
}

void OutputGuard::output(const std::string& path, const std::string& option) {
    outputs_.push_back(entry(path, option + " " + path));
    outputs_.push_back(entry(path + ".partial", "the temporary file " + path + ".partial of " + option + " " + path));
}

void OutputGuard::output_folder(const std::string& path, const std::string& option, const std::string& owner) {
    auto e = entry(path, "the checkpoint folder " + path + " of " + option + " " + owner);
    e.folder = true;
    outputs_.push_back(e);
}

void OutputGuard::check_overlaps() const {
    for (const auto& out : outputs_) {
        for (const auto& in : inputs_) {
            if (out.folder ? inside(in.canonical, out.canonical) || same_file(out.identity, out.canonical, in.identity, in.canonical)
                           : same_file(out.identity, out.canonical, in.identity, in.canonical))
                throw Refusal(2, out.label + (out.folder ? " would hold the input " : " would overwrite the input ") + in.path +
                                     "; choose another output name");
        }
    }
    for (std::size_t i = 0; i < outputs_.size(); ++i)
        for (std::size_t j = i + 1; j < outputs_.size(); ++j) {
            const auto& a = outputs_[i];
            const auto& b = outputs_[j];
            const bool clash = same_file(a.identity, a.canonical, b.identity, b.canonical) || (a.folder && inside(b.canonical, a.canonical)) ||
                               (b.folder && inside(a.canonical, b.canonical));
            if (clash) throw Refusal(2, a.label + " and " + b.label + " are the same file; give them different names");
        }
}

void OutputGuard::check_replaceable(const std::string& path, const std::string& option, bool force) {
    const std::string suffix = ".partial";
    if (path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
        throw Refusal(2, option + " " + path + ": names ending in .partial are kept for files being written; choose another name");
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return;
    struct stat target {};
    const bool followed = ::stat(path.c_str(), &target) == 0;
    if (S_ISDIR(st.st_mode) || (followed && S_ISDIR(target.st_mode)))
        throw Refusal(2, option + " " + path + " is a folder; give the name of a file to write");
    // Writing replaces the name with a new file: never a device, FIFO or socket (-o /dev/null).
    if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))
        throw Refusal(2, option + " " + path + " is not a regular file; give the name of a file to write");
    if (S_ISLNK(st.st_mode) && followed && !S_ISREG(target.st_mode))
        throw Refusal(2, option + " " + path + " links to something that is not a regular file; give the name of a file to write");
    if (!force)
        throw Refusal(2, path + " already exists; add --force to replace it (it stays as it is until the new file is complete), "
                             "or choose another name for " + option);
}

}  // namespace supplysim::cli
