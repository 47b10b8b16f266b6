#include "supplysim/output/result_file.hpp"

#include <hdf5.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <limits>
#include <stdexcept>

#include "output/hdf5_attributes.hpp"
#include "supplysim/input/file_check.hpp"
#include "supplysim/input/input_file.hpp"
#include "supplysim/input/stored_names.hpp"
#include "supplysim/version.hpp"

namespace supplysim {

namespace {

// /groups in format version 1: fixed-length, NUL-padded fields (still read).
constexpr std::size_t dimension_chars = 32, value_chars = 64;
struct FixedGroupRecord {
    char dimension[dimension_chars];
    char value[value_chars];
};
// /groups from format version 2: variable-length UTF-8 strings.
struct GroupRecord {
    const char* dimension;
    const char* value;
};

void quiet_hdf5() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

// HDF5 1.10 registers an exit handler that closes every file still open; after a failed H5Fclose
// (disk full) the file is half-closed and that handler crashes. Our files are closed explicitly
// (finished or discarded), so turn the handler off; it must happen before any other HDF5 call.
[[maybe_unused]] const bool hdf5_no_atexit = (H5dont_atexit(), true);

// The system's reason for the last failed write, when it says the disk is full.
std::string io_reason() {
    const int e = errno;
    if (e == ENOSPC || e == EFBIG || e == EDQUOT || e == EIO) return std::string(": ") + std::strerror(e);
    return "";
}

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw std::runtime_error(path + ": " + what);
}

hid_t check(hid_t id, const std::string& path, const char* what) {
    if (id < 0) fail(path, std::string("HDF5 error while ") + what + " (disk full or file not writable?)" + io_reason());
    return id;
}
void check(herr_t status, const std::string& path, const char* what, int) {
    if (status < 0) fail(path, std::string("HDF5 error while ") + what + " (disk full or file not writable?)" + io_reason());
}

void write_string_attr(hid_t obj, const char* name, const std::string& value, const std::string& path) {
    hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, value.empty() ? 1 : value.size());
    H5Tset_cset(type, H5T_CSET_UTF8);
    hid_t space = H5Screate(H5S_SCALAR);
    if (H5Aexists(obj, name) > 0) H5Adelete(obj, name);
    hid_t attr = check(H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT), path, "writing an attribute");
    const char* data = value.empty() ? "" : value.c_str();
    check(H5Awrite(attr, type, data), path, "writing an attribute", 0);
    H5Aclose(attr);
    H5Sclose(space);
    H5Tclose(type);
}

template <class T>
void write_scalar_attr(hid_t obj, const char* name, hid_t type, T value, const std::string& path) {
    hid_t space = H5Screate(H5S_SCALAR);
    if (H5Aexists(obj, name) > 0) H5Adelete(obj, name);
    hid_t attr = check(H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT), path, "writing an attribute");
    check(H5Awrite(attr, type, &value), path, "writing an attribute", 0);
    H5Aclose(attr);
    H5Sclose(space);
}

template <class T>
T read_scalar_attr(hid_t obj, const char* name, hid_t type, T fallback) {
    if (H5Aexists(obj, name) <= 0) return fallback;
    hid_t attr = H5Aopen(obj, name, H5P_DEFAULT);
    T v = fallback;
    if (H5Aread(attr, type, &v) < 0) v = fallback;
    H5Aclose(attr);
    return v;
}

hid_t group_record_type() {
    hid_t text = H5Tcopy(H5T_C_S1);
    H5Tset_size(text, H5T_VARIABLE);
    H5Tset_cset(text, H5T_CSET_UTF8);
    hid_t t = H5Tcreate(H5T_COMPOUND, sizeof(GroupRecord));
    H5Tinsert(t, "dimension", HOFFSET(GroupRecord, dimension), text);
    H5Tinsert(t, "value", HOFFSET(GroupRecord, value), text);
    H5Tclose(text);
    return t;
}

hid_t fixed_group_record_type() {
    hid_t dim = H5Tcopy(H5T_C_S1);
    H5Tset_size(dim, dimension_chars);
    hid_t val = H5Tcopy(H5T_C_S1);
    H5Tset_size(val, value_chars);
    hid_t t = H5Tcreate(H5T_COMPOUND, sizeof(FixedGroupRecord));
    H5Tinsert(t, "dimension", HOFFSET(FixedGroupRecord, dimension), dim);
    H5Tinsert(t, "value", HOFFSET(FixedGroupRecord, value), val);
    H5Tclose(dim);
    H5Tclose(val);
    return t;
}

// The rows of /groups, whichever of the two layouts the file has; empty when unreadable.
std::vector<Group> read_group_table(hid_t groups) {
    std::vector<Group> out;
    hid_t space = H5Dget_space(groups);
    const auto n = std::size_t(std::max<hssize_t>(0, H5Sget_simple_extent_npoints(space)));
    hid_t file_type = H5Dget_type(groups);
    bool variable = false;
    if (H5Tget_class(file_type) == H5T_COMPOUND && H5Tget_nmembers(file_type) == 2) {
        hid_t member = H5Tget_member_type(file_type, 0);
        variable = H5Tis_variable_str(member) > 0;
        H5Tclose(member);
    }
    H5Tclose(file_type);
    if (n > 0 && variable) {
        std::vector<GroupRecord> rec(n);
        hid_t t = group_record_type();
        if (H5Dread(groups, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, rec.data()) >= 0) {
            for (const auto& r : rec) out.push_back({r.dimension ? r.dimension : "", r.value ? r.value : ""});
            H5Dvlen_reclaim(t, space, H5P_DEFAULT, rec.data());
        }
        H5Tclose(t);
    } else if (n > 0) {
        std::vector<FixedGroupRecord> rec(n);
        hid_t t = fixed_group_record_type();
        if (H5Dread(groups, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, rec.data()) >= 0)
            for (const auto& r : rec)
                out.push_back({std::string(r.dimension, strnlen(r.dimension, dimension_chars)),
                               std::string(r.value, strnlen(r.value, value_chars))});
        H5Tclose(t);
    }
    H5Sclose(space);
    return out;
}

void write_1d(hid_t loc, const char* name, hid_t file_type, hid_t mem_type, const void* data, hsize_t n,
              const std::string& path) {
    hid_t space = H5Screate_simple(1, &n, nullptr);
    hid_t ds = check(H5Dcreate2(loc, name, file_type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), path, "creating a dataset");
    if (n > 0) check(H5Dwrite(ds, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), path, "writing a dataset", 0);
    H5Dclose(ds);
    H5Sclose(space);
}

std::string utc_now() {
    std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

// One float64 dataset per catalogue indicator under `loc`, of shape `dims`, NaN where never written
// (a group without workers), with the indicator's units, description and kind.
void create_indicator_datasets(hid_t loc, const hsize_t dims[4], hid_t dcpl, const std::string& path) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    H5Pset_fill_value(dcpl, H5T_NATIVE_DOUBLE, &nan);
    hid_t space = H5Screate_simple(4, dims, nullptr);
    for (const auto& spec : indicator_catalogue()) {
        hid_t ds = check(H5Dcreate2(loc, spec.name.c_str(), H5T_IEEE_F64LE, space, H5P_DEFAULT, dcpl, H5P_DEFAULT),
                         path, "creating an indicator dataset");
        write_string_attr(ds, "units", spec.units, path);
        write_string_attr(ds, "description", spec.description, path);
        write_string_attr(ds, "kind", kind_name(spec.kind), path);
        H5Dclose(ds);
    }
    H5Sclose(space);
}

// /assessments: the assessment points' names, dates and month indices, and per indicator a small
// [run, replicate, assessment, group] dataset with its values at those months (copies of /indicators).
void create_assessment_table(hid_t file, const OutputHeader& h, const std::string& path) {
    hid_t grp = check(H5Gcreate2(file, "assessments", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), path, "creating /assessments");
    const hsize_t n = h.assessments.size();
    std::vector<std::int32_t> dates, months;
    std::vector<const char*> names;
    for (const auto& a : h.assessments) {
        dates.push_back(a.date.yyyymm());
        months.push_back(a.date.index() - h.start.index());
        names.push_back(a.name.c_str());
    }
    hid_t str = H5Tcopy(H5T_C_S1);
    H5Tset_size(str, H5T_VARIABLE);
    H5Tset_cset(str, H5T_CSET_UTF8);
    write_1d(grp, "name", str, str, names.data(), n, path);
    H5Tclose(str);
    write_1d(grp, "date", H5T_STD_I32LE, H5T_NATIVE_INT32, dates.data(), n, path);
    write_1d(grp, "month", H5T_STD_I32LE, H5T_NATIVE_INT32, months.data(), n, path);
    hid_t date = H5Dopen2(grp, "date", H5P_DEFAULT);
    write_string_attr(date, "encoding", "yyyymm", path);
    H5Dclose(date);
    const hsize_t dims[4] = {hsize_t(h.runs), hsize_t(h.replicates), n, hsize_t(h.groups.size())};
    hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
    create_indicator_datasets(grp, dims, dcpl, path);
    H5Pclose(dcpl);
    H5Gclose(grp);
}

std::vector<Assessment> parse_assessments(const std::string& text) {
    std::vector<Assessment> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t end = std::min(text.find(';', pos), text.size());
        const std::string item = text.substr(pos, end - pos);
        const std::size_t eq = item.find('=');
        if (eq != std::string::npos)
            if (const auto date = parse_year_month(item.substr(eq + 1))) out.push_back({item.substr(0, eq), *date});
        pos = end + 1;
    }
    return out;
}

std::vector<std::string> read_string_list(hid_t loc, const char* name) {
    std::vector<std::string> out;
    if (H5Lexists(loc, name, H5P_DEFAULT) <= 0) return out;
    hid_t ds = H5Dopen2(loc, name, H5P_DEFAULT);
    hid_t space = H5Dget_space(ds);
    const auto n = std::size_t(std::max<hssize_t>(0, H5Sget_simple_extent_npoints(space)));
    hid_t mem = H5Tcopy(H5T_C_S1);
    H5Tset_size(mem, H5T_VARIABLE);
    H5Tset_cset(mem, H5T_CSET_UTF8);
    std::vector<char*> raw(n, nullptr);
    if (n && H5Dread(ds, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()) >= 0) {
        for (char* t : raw) out.emplace_back(t ? t : "");
        H5Dvlen_reclaim(mem, space, H5P_DEFAULT, raw.data());
    }
    H5Tclose(mem);
    H5Sclose(space);
    H5Dclose(ds);
    return out;
}

// The parameter ensemble of a result file, for `info`; empty names when there is none.
EnsembleRecord read_ensemble(hid_t file) {
    EnsembleRecord e;
    if (H5Lexists(file, "uncertainty", H5P_DEFAULT) <= 0) return e;
    e.yaml = read_string_attr(file, "uncertainty");
    hid_t grp = H5Gopen2(file, "uncertainty", H5P_DEFAULT);
    e.replicates_per_draw = read_scalar_attr(grp, "replicates_per_draw", H5T_NATIVE_INT, 1);
    e.names = read_string_list(grp, "parameter_names");
    e.sources = read_string_list(grp, "parameter_sources");
    if (H5Lexists(grp, "values", H5P_DEFAULT) > 0) {
        hid_t ds = H5Dopen2(grp, "values", H5P_DEFAULT);
        hid_t space = H5Dget_space(ds);
        hsize_t dims[2] = {0, 0};
        if (H5Sget_simple_extent_ndims(space) == 2 && (H5Sget_simple_extent_dims(space, dims, nullptr), dims[1] == e.names.size())) {
            std::vector<double> flat(dims[0] * dims[1]);
            if (!flat.empty() && H5Dread(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, flat.data()) >= 0)
                for (hsize_t d = 0; d < dims[0]; ++d)
                    e.values.emplace_back(flat.begin() + std::ptrdiff_t(d * dims[1]), flat.begin() + std::ptrdiff_t((d + 1) * dims[1]));
        }
        H5Sclose(space);
        H5Dclose(ds);
    }
    H5Gclose(grp);
    return e;
}

}  // namespace

std::string unknown_format_version(int version, int oldest_readable) {
    const std::string readable = oldest_readable == output_format_version
                                     ? "format version " + std::to_string(output_format_version)
                                     : "format versions " + std::to_string(oldest_readable) + " to " +
                                           std::to_string(output_format_version);
    return "written in format version " + std::to_string(version) + ", which this supplysim (" + std::string(program_version) +
           ") cannot read: it reads " + readable + " (docs/output-schema.md); use the supplysim version that wrote it";
}

ResultFile::ResultFile(AtomicFile target, std::int64_t file_id)
    : final_path_(target.final_path()), target_(std::move(target)), file_(file_id) {}
ResultFile::ResultFile(ResultFile&& o) noexcept
    : final_path_(std::move(o.final_path_)), target_(std::move(o.target_)), file_(o.file_),
      assessment_months_(std::move(o.assessment_months_)) {
    o.file_ = -1;
}
// Not finished, discarded or kept (an exception on the way): close, and the AtomicFile removes the partial.
ResultFile::~ResultFile() { close(); }

void ResultFile::close() {
    if (file_ >= 0) H5Fclose(file_);
    file_ = -1;
}

ResultFile ResultFile::create(const std::string& final_path, const OutputHeader& h) {
    return create(AtomicFile::reserve(final_path), h);
}

ResultFile ResultFile::create(AtomicFile target, const OutputHeader& h) {
    quiet_hdf5();
    const std::string partial = target.partial_path();
    // HDF5 writes the reserved file by its name; truncating it makes any adopted content ours.
    target.content_replaced();
    const hid_t file = H5Fcreate(partial.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    if (file < 0) fail(partial, "cannot create the file (disk full or file not writable?)" + io_reason());
    ResultFile out(std::move(target), file);
    // A header that cannot be written (disk full) leaves no partial file behind.
    struct DiscardUnlessDone {
        ResultFile& f;
        bool done = false;
        ~DiscardUnlessDone() { if (!done) f.discard(); }
    } guard{out};
    write_string_attr(file, "format", "supplysim", partial);
    write_scalar_attr(file, "format_version", H5T_NATIVE_INT, output_format_version, partial);
    write_string_attr(file, "program_version", program_version, partial);
    write_string_attr(file, "scenario_name", h.scenario_name, partial);
    write_string_attr(file, "scenario_file", h.scenario_file, partial);
    write_string_attr(file, "scenario_yaml", h.scenario_yaml, partial);
    write_scalar_attr(file, "seed", H5T_NATIVE_UINT64, h.seed, partial);
    write_scalar_attr(file, "replicates", H5T_NATIVE_INT, h.replicates, partial);
    write_scalar_attr(file, "runs", H5T_NATIVE_INT, h.runs, partial);
    write_string_attr(file, "start", h.start.str(), partial);
    write_scalar_attr(file, "months", H5T_NATIVE_INT, h.months, partial);
    write_string_attr(file, "command_line", h.command_line, partial);
    write_scalar_attr(file, "complete", H5T_NATIVE_INT, 0, partial);
    // Assessment points as "name=YYYY-MM" separated by ";" in date order (empty when none).
    std::string assessments;
    for (const auto& a : h.assessments) assessments += (assessments.empty() ? "" : ";") + a.name + "=" + a.date.str();
    write_string_attr(file, "assessments", assessments, partial);

    std::vector<std::int32_t> months(std::size_t(h.months));
    for (int m = 0; m < h.months; ++m) months[m] = YearMonth::from_index(h.start.index() + m).yyyymm();
    write_1d(file, "time", H5T_STD_I32LE, H5T_NATIVE_INT32, months.data(), months.size(), partial);
    hid_t time = H5Dopen2(file, "time", H5P_DEFAULT);
    write_string_attr(time, "encoding", "yyyymm", partial);
    H5Dclose(time);

    std::vector<GroupRecord> records(h.groups.size());
    for (std::size_t g = 0; g < h.groups.size(); ++g) records[g] = {h.groups[g].dimension.c_str(), h.groups[g].value.c_str()};
    hid_t gtype = group_record_type();
    write_1d(file, "groups", gtype, gtype, records.data(), records.size(), partial);
    H5Tclose(gtype);

    hid_t runs = check(H5Gcreate2(file, "runs", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), partial, "creating /runs");
    std::vector<std::int64_t> ids(std::size_t(h.runs));
    for (int r = 0; r < h.runs; ++r) ids[r] = r;
    write_1d(runs, "id", H5T_STD_I64LE, H5T_NATIVE_INT64, ids.data(), ids.size(), partial);
    std::vector<std::uint8_t> done(std::size_t(h.runs), 0);
    write_1d(runs, "done", H5T_STD_U8LE, H5T_NATIVE_UINT8, done.data(), done.size(), partial);
    H5Gclose(runs);

    hid_t ind = check(H5Gcreate2(file, "indicators", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), partial, "creating /indicators");
    const hsize_t dims[4] = {hsize_t(h.runs), hsize_t(h.replicates), hsize_t(h.months), hsize_t(h.groups.size())};
    const hsize_t chunk[4] = {1, 1, hsize_t(h.months), hsize_t(h.groups.size())};
    hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
    H5Pset_chunk(dcpl, 4, chunk);
    // Default level 1: ~20% fewer instructions per write than level 4, files ~0.5% larger; level 0
    // skips compression, the largest cost of writing small worlds (docs/performance.md).
    if (h.compression > 0) {
        H5Pset_shuffle(dcpl);
        H5Pset_deflate(dcpl, unsigned(h.compression));
    }
    create_indicator_datasets(ind, dims, dcpl, partial);
    H5Pclose(dcpl);
    H5Gclose(ind);
    if (!h.assessments.empty()) create_assessment_table(file, h, partial);
    for (const auto& a : h.assessments) out.assessment_months_.push_back(a.date.index() - h.start.index());
    guard.done = true;
    return out;
}

void ResultFile::write_replicate(int run, int replicate, const Series& series) {
    const std::string path = partial_path();
    hid_t ind = H5Gopen2(file_, "indicators", H5P_DEFAULT);
    const auto& catalogue = indicator_catalogue();
    const hsize_t count[4] = {1, 1, hsize_t(series.months), hsize_t(series.groups)};
    const hsize_t start[4] = {hsize_t(run), hsize_t(replicate), 0, 0};
    hid_t mem = H5Screate_simple(4, count, nullptr);
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        hid_t ds = check(H5Dopen2(ind, catalogue[i].name.c_str(), H5P_DEFAULT), path, "opening an indicator dataset");
        hid_t space = H5Dget_space(ds);
        H5Sselect_hyperslab(space, H5S_SELECT_SET, start, nullptr, count, nullptr);
        const double* data = &series.values[i * std::size_t(series.months) * series.groups];
        const herr_t st = H5Dwrite(ds, H5T_NATIVE_DOUBLE, mem, space, H5P_DEFAULT, data);
        H5Sclose(space);
        H5Dclose(ds);
        if (st < 0) {
            H5Sclose(mem);
            H5Gclose(ind);
            fail(path, "HDF5 error while writing indicator " + catalogue[i].name + " (disk full?)");
        }
    }
    H5Sclose(mem);
    H5Gclose(ind);
    if (!assessment_months_.empty()) write_assessment_rows(run, replicate, series);
}

void ResultFile::write_assessment_rows(int run, int replicate, const Series& series) {
    const std::string path = partial_path();
    hid_t grp = check(H5Gopen2(file_, "assessments", H5P_DEFAULT), path, "opening /assessments");
    const auto& catalogue = indicator_catalogue();
    const std::size_t n = assessment_months_.size(), groups = std::size_t(series.groups);
    const hsize_t count[4] = {1, 1, hsize_t(n), hsize_t(groups)};
    const hsize_t start[4] = {hsize_t(run), hsize_t(replicate), 0, 0};
    hid_t mem = H5Screate_simple(4, count, nullptr);
    std::vector<double> rows(n * groups);
    herr_t st = 0;
    for (std::size_t i = 0; i < catalogue.size() && st >= 0; ++i) {
        for (std::size_t a = 0; a < n; ++a) {
            const double* month = &series.values[(i * std::size_t(series.months) + std::size_t(assessment_months_[a])) * groups];
            std::copy(month, month + groups, rows.begin() + std::ptrdiff_t(a * groups));
        }
        hid_t ds = check(H5Dopen2(grp, catalogue[i].name.c_str(), H5P_DEFAULT), path, "opening an assessment dataset");
        hid_t space = H5Dget_space(ds);
        H5Sselect_hyperslab(space, H5S_SELECT_SET, start, nullptr, count, nullptr);
        st = H5Dwrite(ds, H5T_NATIVE_DOUBLE, mem, space, H5P_DEFAULT, rows.data());
        H5Sclose(space);
        H5Dclose(ds);
    }
    H5Sclose(mem);
    H5Gclose(grp);
    check(st, path, "writing the assessment table (disk full?)", 0);
}

void ResultFile::mark_run_done(int run) {
    const std::string path = partial_path();
    hid_t ds = check(H5Dopen2(file_, "runs/done", H5P_DEFAULT), path, "opening /runs/done");
    hid_t space = H5Dget_space(ds);
    const hsize_t start = hsize_t(run), count = 1;
    H5Sselect_hyperslab(space, H5S_SELECT_SET, &start, nullptr, &count, nullptr);
    hid_t mem = H5Screate_simple(1, &count, nullptr);
    const std::uint8_t one = 1;
    const herr_t st = H5Dwrite(ds, H5T_NATIVE_UINT8, mem, space, H5P_DEFAULT, &one);
    H5Sclose(mem);
    H5Sclose(space);
    H5Dclose(ds);
    check(st, path, "marking a run done", 0);
}

std::vector<std::uint8_t> ResultFile::runs_done() const {
    hid_t ds = check(H5Dopen2(file_, "runs/done", H5P_DEFAULT), partial_path(), "opening /runs/done");
    hid_t space = H5Dget_space(ds);
    const auto n = H5Sget_simple_extent_npoints(space);
    std::vector<std::uint8_t> done(std::size_t(std::max<hssize_t>(0, n)));
    if (n > 0) H5Dread(ds, H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, done.data());
    H5Sclose(space);
    H5Dclose(ds);
    return done;
}

void ResultFile::set_root_attribute(const std::string& name, const std::string& value) {
    write_string_attr(file_, name.c_str(), value, partial_path());
}

void ResultFile::write_run_parameter(const std::string& key_path, const std::vector<double>& values) {
    const std::string path = partial_path();
    hid_t runs = H5Gopen2(file_, "runs", H5P_DEFAULT);
    hid_t params = H5Lexists(runs, "parameters", H5P_DEFAULT) > 0
                       ? H5Gopen2(runs, "parameters", H5P_DEFAULT)
                       : check(H5Gcreate2(runs, "parameters", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), path, "creating /runs/parameters");
    write_1d(params, key_path.c_str(), H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, values.data(), values.size(), path);
    hid_t ds = H5Dopen2(params, key_path.c_str(), H5P_DEFAULT);
    write_string_attr(ds, "path", key_path, path);
    H5Dclose(ds);
    H5Gclose(params);
    H5Gclose(runs);
}

void ResultFile::write_ensemble(const EnsembleRecord& e, int replicates) {
    const std::string path = partial_path();
    write_string_attr(file_, "uncertainty", e.yaml, path);
    hid_t grp = check(H5Gcreate2(file_, "uncertainty", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), path, "creating /uncertainty");
    write_scalar_attr(grp, "replicates_per_draw", H5T_NATIVE_INT, e.replicates_per_draw, path);
    std::vector<std::int32_t> draw(static_cast<std::size_t>(replicates));
    for (int r = 0; r < replicates; ++r) draw[std::size_t(r)] = r / e.replicates_per_draw;
    write_1d(grp, "draw", H5T_STD_I32LE, H5T_NATIVE_INT32, draw.data(), draw.size(), path);
    hid_t str = H5Tcopy(H5T_C_S1);
    H5Tset_size(str, H5T_VARIABLE);
    H5Tset_cset(str, H5T_CSET_UTF8);
    for (const auto& [name, list] : {std::pair{"parameter_names", &e.names}, std::pair{"parameter_sources", &e.sources}}) {
        std::vector<const char*> text;
        for (const auto& t : *list) text.push_back(t.c_str());
        write_1d(grp, name, str, str, text.data(), text.size(), path);
    }
    H5Tclose(str);
    const hsize_t dims[2] = {hsize_t(e.values.size()), hsize_t(e.names.size())};
    std::vector<double> flat;
    for (const auto& row : e.values) flat.insert(flat.end(), row.begin(), row.end());
    hid_t space = H5Screate_simple(2, dims, nullptr);
    hid_t ds = check(H5Dcreate2(grp, "values", H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), path, "creating /uncertainty/values");
    const herr_t st = flat.empty() ? 0 : H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, flat.data());
    H5Dclose(ds);
    H5Sclose(space);
    H5Gclose(grp);
    check(st, path, "writing /uncertainty/values", 0);
}

void ResultFile::flush() { check(H5Fflush(file_, H5F_SCOPE_GLOBAL), partial_path(), "flushing the file", 0); }

void ResultFile::finish() { close_complete().commit(); }

AtomicFile ResultFile::close_complete() {
    const std::string path = partial_path();
    write_string_attr(file_, "created", utc_now(), path);
    write_scalar_attr(file_, "complete", H5T_NATIVE_INT, 1, path);
    const herr_t st = H5Fclose(file_);
    file_ = -1;
    check(st, path, "closing the file", 0);
    return std::move(target_);
}

void ResultFile::discard() {
    close();
    target_.abandon();
}

void ResultFile::keep_incomplete() {
    const std::string path = partial_path();
    const herr_t st = H5Fclose(file_);
    file_ = -1;
    check(st, path, "closing the file", 0);
    target_.keep();
}

FileSummary read_file_summary(const std::string& path, bool allow_incomplete) {
    quiet_hdf5();
    if (const std::string problem = file_problem(path); !problem.empty()) fail(path, "file " + problem);
    // Before HDF5 opens it: a FIFO would block the open, a device would be read without end.
    if (const std::string problem = regular_file_problem(path); !problem.empty()) fail(path, "file " + problem);
    if (H5Fis_hdf5(path.c_str()) <= 0) fail(path, "not an HDF5 file (or truncated)");
    hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (file < 0) fail(path, "cannot open the HDF5 file (truncated or damaged)");
    FileSummary s;
    const std::string format = read_string_attr(file, "format");
    if (format != "supplysim") {
        H5Fclose(file);
        fail(path, "not a supplysim results file (no format=\"supplysim\" attribute)");
    }
    s.format_version = read_scalar_attr(file, "format_version", H5T_NATIVE_INT, 0);
    // Version 1 differs only in its fixed-width /groups strings, which read_groups still reads.
    if (s.format_version < 1 || s.format_version > output_format_version) {
        H5Fclose(file);
        fail(path, unknown_format_version(s.format_version, 1));
    }
    s.program_version = read_string_attr(file, "program_version");
    s.scenario_name = read_string_attr(file, "scenario_name");
    s.scenario_file = read_string_attr(file, "scenario_file");
    s.scenario_yaml = read_string_attr(file, "scenario_yaml");
    s.command_line = read_string_attr(file, "command_line");
    s.created = read_string_attr(file, "created");
    s.start = read_string_attr(file, "start");
    s.seed = read_scalar_attr<std::uint64_t>(file, "seed", H5T_NATIVE_UINT64, 0);
    s.runs = read_scalar_attr(file, "runs", H5T_NATIVE_INT, 0);
    s.replicates = read_scalar_attr(file, "replicates", H5T_NATIVE_INT, 0);
    s.months = read_scalar_attr(file, "months", H5T_NATIVE_INT, 0);
    s.complete = read_scalar_attr(file, "complete", H5T_NATIVE_INT, 0) == 1;
    s.assessments = parse_assessments(read_string_attr(file, "assessments"));
    if (!s.complete && !allow_incomplete) {
        H5Fclose(file);
        fail(path, "the file is incomplete (interrupted run or sweep; use `sweep --resume` to finish it)");
    }
    hid_t groups = H5Dopen2(file, "groups", H5P_DEFAULT);
    if (groups >= 0) {
        s.groups = read_group_table(groups);
        H5Dclose(groups);
    }
    hid_t ind = H5Gopen2(file, "indicators", H5P_DEFAULT);
    if (ind >= 0) {
        H5G_info_t info;
        H5Gget_info(ind, &info);
        for (hsize_t i = 0; i < info.nlinks; ++i) {
            char name[256] = {0};
            H5Lget_name_by_idx(ind, ".", H5_INDEX_NAME, H5_ITER_INC, i, name, sizeof name, H5P_DEFAULT);
            s.indicators.push_back(name);
        }
        H5Gclose(ind);
    }
    s.ensemble = read_ensemble(file);
    H5Fclose(file);
    if (s.groups.empty() || s.indicators.empty()) fail(path, "damaged supplysim file: /groups or /indicators missing");
    return s;
}

OutputHeader make_header(const Scenario& s, const GroupLayout& layout, int replicates, int runs,
                         const std::string& command_line) {
    OutputHeader h;
    h.scenario_name = s.name;
    h.scenario_file = s.source_file;
    h.scenario_yaml = s.resolved_yaml;
    h.seed = s.seed;
    h.replicates = replicates;
    h.runs = runs;
    h.start = s.start;
    h.months = s.months();
    h.command_line = command_line;
    h.groups = layout.groups();
    h.assessments = s.assessments;
    h.compression = s.outputs.compression;
    return h;
}

}  // namespace supplysim
