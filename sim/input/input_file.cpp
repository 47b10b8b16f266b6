#include "supplysim/input/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>

namespace supplysim {

namespace {

std::string kind_problem(mode_t mode) {
    if (S_ISREG(mode)) return "";
    if (S_ISDIR(mode)) return "is a folder, not a regular file";
    if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a regular file";
    if (S_ISCHR(mode)) return "is a character device, not a regular file";
    if (S_ISBLK(mode)) return "is a block device, not a regular file";
    if (S_ISSOCK(mode)) return "is a socket, not a regular file";
    return "is not a regular file";
}

std::string open_problem(int error) {
    if (error == ENOENT) return "not found";
    return std::string("cannot be read (") + std::strerror(error) + ")";
}

std::string size_text(std::size_t bytes) {
    return bytes % (1u << 20) == 0 ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes";
}

std::mutex registry_mutex;
std::vector<InputRecord>& registry() {
    static std::vector<InputRecord> files;
    return files;
}

void remember(const std::string& path, const struct stat& st) {
    const FileIdentity id{std::uint64_t(st.st_dev), std::uint64_t(st.st_ino)};
    std::lock_guard lock(registry_mutex);
    auto& files = registry();
    if (std::none_of(files.begin(), files.end(), [&](const InputRecord& r) { return r.identity == id; }))
        files.push_back({path, id});
}

// Closes the descriptor on every path out.
struct Descriptor {
    int fd;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::string regular_file_problem(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return open_problem(errno);
    if (const std::string kind = kind_problem(st.st_mode); !kind.empty()) return kind;
    if (::access(path.c_str(), R_OK) != 0) return open_problem(errno);
    return "";
}

std::string read_input_file(const std::string& path, std::size_t limit) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the kind is checked on the open file.
    Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)};
    if (file.fd < 0) throw InputFileProblem(open_problem(errno));
    struct stat st {};
    if (::fstat(file.fd, &st) != 0) throw InputFileProblem(open_problem(errno));
    if (const std::string kind = kind_problem(st.st_mode); !kind.empty()) throw InputFileProblem(kind);
    if (std::size_t(st.st_size) > limit) throw InputFileProblem("is larger than " + size_text(limit));
    const int flags = ::fcntl(file.fd, F_GETFL);
    if (flags >= 0) ::fcntl(file.fd, F_SETFL, flags & ~O_NONBLOCK);
    std::string text;
    text.resize(std::size_t(st.st_size));
    std::size_t used = 0;
    // Read to the end even when the size changed since fstat (a file still being written, /proc),
    // but never past the limit.
    for (;;) {
        if (used == text.size()) {
            if (text.size() > limit) throw InputFileProblem("is larger than " + size_text(limit));
            text.resize(std::min(limit + 1, std::max<std::size_t>(4096, text.size() * 2)));
        }
        const ssize_t n = ::read(file.fd, text.data() + used, text.size() - used);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw InputFileProblem(open_problem(errno));
        }
        if (n == 0) break;
        used += std::size_t(n);
    }
    if (used > limit) throw InputFileProblem("is larger than " + size_text(limit));
    text.resize(used);
    remember(path, st);
    return text;
}

std::optional<FileIdentity> identity_of(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileIdentity{std::uint64_t(st.st_dev), std::uint64_t(st.st_ino)};
}

std::vector<InputRecord> inputs_read() {
    std::lock_guard lock(registry_mutex);
    return registry();
}

}  // namespace supplysim
