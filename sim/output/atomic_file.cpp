#include "supplysim/output/atomic_file.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2 (glibc 2.28+)
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <vector>

namespace supplysim {

namespace {

namespace fs = std::filesystem;

// Lock bytes, beyond any real file's size (advisory locks do not need the bytes to exist).
constexpr off_t writing_byte = off_t(1) << 62;
constexpr off_t pid_bytes = writing_byte + 1;  // pid_bytes + pid: the writer's process id
constexpr off_t pid_range = off_t(1) << 32;

std::string system_reason(int error) { return std::strerror(error); }

std::string folder_of(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? "." : parent.string();
}

[[noreturn]] void fail(OutputError::Kind kind, const std::string& message) { throw OutputError(kind, message); }

bool lock_byte(int fd, off_t at) {
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = at;
    lock.l_len = 1;
    return ::fcntl(fd, F_OFD_SETLK, &lock) == 0;
}

// The first lock another open file holds in [from, from + length), if any.
std::optional<off_t> locked_at(int fd, off_t from, off_t length) {
    struct flock probe {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = from;
    probe.l_len = length;
    if (::fcntl(fd, F_OFD_GETLK, &probe) != 0 || probe.l_type == F_UNLCK) return std::nullopt;
    return probe.l_start;
}

// Takes the writer's lock; false when another process holds it. File systems without record locks
// (EINVAL, ENOLCK, ENOSYS) are written without one.
bool take_lock(int fd) {
    if (lock_byte(fd, writing_byte)) {
        lock_byte(fd, pid_bytes + off_t(::getpid()));
        return true;
    }
    return errno != EAGAIN && errno != EACCES;
}

// The .partial files this process created and holds, for remove_partials_before_exit.
std::mutex held_mutex;
std::vector<std::string>& held() {
    static std::vector<std::string> paths;
    return paths;
}
void hold(const std::string& path) {
    std::lock_guard lock(held_mutex);
    held().push_back(path);
}
void unhold(const std::string& path) {
    std::lock_guard lock(held_mutex);
    auto& paths = held();
    if (const auto it = std::find(paths.begin(), paths.end(), path); it != paths.end()) paths.erase(it);
}

void sync_folder(const std::string& path) {
    const int dir = ::open(folder_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return;
    ::fsync(dir);  // some file systems refuse fsync on folders (EINVAL); the rename is done either way
    ::close(dir);
}

// rename() that never replaces `to`; EEXIST when it exists. link()+unlink() where the file system
// lacks RENAME_NOREPLACE (NFS): link() is atomic and fails on an existing name too.
int rename_no_replace(const std::string& from, const std::string& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return errno;
    if (::link(from.c_str(), to.c_str()) != 0) return errno;
    ::unlink(from.c_str());
    return 0;
}

}  // namespace

std::string busy_message(long pid, const std::string& final_path) {
    return "another supplysim (pid " + std::to_string(pid) + ") is writing " + final_path;
}

std::optional<long> writer_of(const std::string& final_path) {
    const std::string partial = final_path + ".partial";
    const int fd = ::open(partial.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::optional<long> pid;
    if (locked_at(fd, writing_byte, 1)) {
        const auto at = locked_at(fd, pid_bytes, pid_range);
        pid = at ? long(*at - pid_bytes) : 0L;
    }
    ::close(fd);
    return pid;
}

AtomicFile AtomicFile::reserve(const std::string& final_path, AtomicFileOptions options) {
    AtomicFile f;
    f.final_ = final_path;
    f.partial_ = final_path + ".partial";
    f.options_ = options;
    f.fd_ = ::open(f.partial_.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOCTTY | O_CLOEXEC, 0666);
    if (f.fd_ < 0) {
        const int error = errno;
        const std::string folder = folder_of(final_path);
        if (error == ENOENT) fail(OutputError::Kind::bad_destination, "cannot write " + final_path + ": the folder " + folder + " does not exist");
        if (error == EACCES || error == EPERM || error == EROFS)
            fail(OutputError::Kind::bad_destination,
                 "cannot write " + final_path + ": the folder " + folder + " is not writable (" + system_reason(error) + ")");
        if (error == ENOTDIR) fail(OutputError::Kind::bad_destination, "cannot write " + final_path + ": " + folder + " is not a folder");
        if (error == ENAMETOOLONG) fail(OutputError::Kind::bad_destination, "cannot write " + final_path + ": " + system_reason(error));
        if (error != EEXIST)
            fail(OutputError::Kind::failed, "cannot create " + f.partial_ + " (" + system_reason(error) + ")");
        if (const auto pid = writer_of(final_path)) fail(OutputError::Kind::busy, busy_message(*pid, final_path));
        struct stat st {};
        if (::lstat(f.partial_.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
            fail(OutputError::Kind::bad_destination, "cannot write " + final_path + ": " + f.partial_ + " exists and is not a regular file");
        if (!options.adopt_leftover)
            fail(OutputError::Kind::bad_destination,
                 f.partial_ + " is left over from a supplysim that stopped before finishing (no process is writing it); "
                              "finish it with `sweep --resume` if it belongs to a sweep, otherwise delete it");
        f.fd_ = ::open(f.partial_.c_str(), O_RDWR | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
        if (f.fd_ < 0) fail(OutputError::Kind::failed, "cannot open " + f.partial_ + " (" + system_reason(errno) + ")");
        f.adopted_ = true;
        f.owned_content_ = false;
    }
    if (!take_lock(f.fd_)) {
        const auto pid = writer_of(final_path);
        f.owned_content_ = false;  // someone else's: closing must not remove it
        fail(OutputError::Kind::busy, busy_message(pid.value_or(0), final_path));
    }
    struct stat st {};
    ::fstat(f.fd_, &st);
    f.device_ = std::uint64_t(st.st_dev);
    f.inode_ = std::uint64_t(st.st_ino);
    if (f.owned_content_) hold(f.partial_);
    return f;
}

AtomicFile::AtomicFile(AtomicFile&& o) noexcept { *this = std::move(o); }

AtomicFile& AtomicFile::operator=(AtomicFile&& o) noexcept {
    if (this != &o) {
        abandon();
        fd_ = o.fd_;
        final_ = std::move(o.final_);
        partial_ = std::move(o.partial_);
        options_ = o.options_;
        adopted_ = o.adopted_;
        owned_content_ = o.owned_content_;
        device_ = o.device_;
        inode_ = o.inode_;
        o.fd_ = -1;
    }
    return *this;
}

AtomicFile::~AtomicFile() { abandon(); }

std::uint64_t AtomicFile::size() const {
    struct stat st {};
    return fd_ >= 0 && ::fstat(fd_, &st) == 0 ? std::uint64_t(st.st_size) : 0;
}

void AtomicFile::content_replaced() {
    if (!owned_content_ && fd_ >= 0) hold(partial_);
    owned_content_ = true;
}

void AtomicFile::write(const std::string& bytes) {
    content_replaced();
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int error = errno;
            abandon();
            fail(OutputError::Kind::failed, final_ + ": cannot write the file (" + system_reason(error) + ")");
        }
        done += std::size_t(n);
    }
}

void AtomicFile::commit() {
    if (::fsync(fd_) != 0) {
        const int error = errno;
        abandon();
        fail(OutputError::Kind::failed, final_ + ": cannot flush the file to disk (" + system_reason(error) + ")");
    }
    struct stat st {};
    if (::lstat(partial_.c_str(), &st) != 0 || std::uint64_t(st.st_dev) != device_ || std::uint64_t(st.st_ino) != inode_) {
        release();
        fail(OutputError::Kind::failed, partial_ + " was removed or replaced by another program while supplysim was writing it; " +
                                            final_ + " was not written");
    }
    const int error = options_.replace ? (::rename(partial_.c_str(), final_.c_str()) == 0 ? 0 : errno)
                                       : rename_no_replace(partial_, final_);
    if (error == EEXIST) {
        keep();
        fail(OutputError::Kind::failed, final_ + " was created by another program while supplysim was writing; the new result is "
                                                 "kept, complete, as " + partial_);
    }
    if (error != 0) {
        abandon();
        fail(OutputError::Kind::failed, "cannot rename " + partial_ + " to " + final_ + " (" + system_reason(error) + ")");
    }
    unhold(partial_);
    sync_folder(final_);
    release();
}

void AtomicFile::keep() {
    if (fd_ < 0) return;
    ::fsync(fd_);
    unhold(partial_);
    release();
}

void AtomicFile::abandon() noexcept {
    if (fd_ < 0) return;
    if (owned_content_) {
        struct stat st {};
        if (::lstat(partial_.c_str(), &st) == 0 && std::uint64_t(st.st_dev) == device_ && std::uint64_t(st.st_ino) == inode_)
            ::unlink(partial_.c_str());
        unhold(partial_);
    }
    release();
}

void AtomicFile::move_content_to(const std::string& destination) {
    if (const int error = rename_no_replace(partial_, destination); error != 0)
        fail(OutputError::Kind::failed, "cannot move " + partial_ + " to " + destination + " (" + system_reason(error) + ")");
    sync_folder(destination);
    if (owned_content_) unhold(partial_);
    AtomicFileOptions options = options_;
    options.adopt_leftover = false;
    const std::string final_path = final_;
    release();
    *this = reserve(final_path, options);
}

void remove_partials_before_exit() noexcept {
    std::lock_guard lock(held_mutex);
    for (const auto& path : held()) ::unlink(path.c_str());
    held().clear();
}

void AtomicFile::release() noexcept {
    if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases its locks
    fd_ = -1;
}

}  // namespace supplysim
