#include "supplysim/output/sweep_output.hpp"

#include <hdf5.h>

#include <cstring>
#include <stdexcept>

#include "output/hdf5_attributes.hpp"
#include "supplysim/input/input_file.hpp"
#include "supplysim/output/result_file.hpp"
#include "supplysim/runs/experiment.hpp"
#include "supplysim/version.hpp"

namespace supplysim::sweep {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) { throw std::runtime_error(path + ": " + what); }

void write_int_attr(hid_t obj, const char* name, std::int64_t value, const std::string& path) {
    hid_t space = H5Screate(H5S_SCALAR);
    if (H5Aexists(obj, name) > 0) H5Adelete(obj, name);
    hid_t attr = H5Acreate2(obj, name, H5T_STD_I64LE, space, H5P_DEFAULT, H5P_DEFAULT);
    const herr_t st = attr < 0 ? -1 : H5Awrite(attr, H5T_NATIVE_INT64, &value);
    if (attr >= 0) H5Aclose(attr);
    H5Sclose(space);
    if (st < 0) fail(path, std::string("HDF5 error while writing attribute ") + name);
}

std::int64_t read_int_attr(hid_t obj, const char* name, std::int64_t fallback) {
    if (H5Aexists(obj, name) <= 0) return fallback;
    hid_t attr = H5Aopen(obj, name, H5P_DEFAULT);
    std::int64_t v = fallback;
    if (H5Aread(attr, H5T_NATIVE_INT64, &v) < 0) v = fallback;
    H5Aclose(attr);
    return v;
}

template <class T>
std::vector<T> read_1d(hid_t file, const char* name, hid_t mem_type) {
    std::vector<T> out;
    hid_t ds = H5Dopen2(file, name, H5P_DEFAULT);
    if (ds < 0) return out;
    hid_t space = H5Dget_space(ds);
    const auto n = H5Sget_simple_extent_npoints(space);
    out.resize(std::size_t(std::max<hssize_t>(0, n)));
    if (n > 0 && H5Dread(ds, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0) out.clear();
    H5Sclose(space);
    H5Dclose(ds);
    return out;
}

}  // namespace

std::mutex& hdf5_mutex() {
    static std::mutex m;
    return m;
}

int write_sweep_output(const SweepMeta& meta, const WriteRequest& req, const RunSource& source) {
    OutputHeader header = meta.header;
    header.runs = int(req.runs.size());
    header.command_line = req.command_line;
    const int replicates = header.replicates;
    std::unique_lock lock(hdf5_mutex());
    auto file = req.reserved ? ResultFile::create(std::move(*req.reserved), header) : ResultFile::create(req.output, header);
    int present = 0;
    try {
        file.set_root_attribute("design", meta.design);
        file.set_root_attribute("sweep_name", meta.name);
        file.set_root_attribute("sweep_yaml", meta.yaml);
        file.set_root_attribute("sweep_hash", meta.hash);
        if (!req.part_label.empty()) file.set_root_attribute("sweep_part", req.part_label);
        for (std::size_t p = 0; p < meta.parameter_paths.size(); ++p) {
            std::vector<double> values;
            for (int r : req.runs) values.push_back(meta.parameter_columns[p][std::size_t(r)]);
            file.write_run_parameter(meta.parameter_paths[p], values);
        }
        file.flush();
        {
            // Attributes ResultFile has no call for, through a second handle on the same open file.
            const std::string partial = file.partial_path();
            hid_t h = H5Fopen(partial.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
            if (h < 0) fail(partial, "cannot open the file a second time to add sweep attributes");
            write_int_attr(h, "sweep_runs_total", meta.total_runs, partial);
            hid_t runs = H5Gopen2(h, "runs", H5P_DEFAULT);
            if (meta.sobol_n > 0) {
                write_int_attr(runs, "sobol_base_samples", meta.sobol_n, partial);
                write_int_attr(runs, "sobol_parameters", meta.sobol_k, partial);
            }
            // /runs/id holds the sweep's run ids (a part holds a subset).
            std::vector<std::int64_t> ids(req.runs.begin(), req.runs.end());
            hid_t ds = H5Dopen2(runs, "id", H5P_DEFAULT);
            const herr_t st = ids.empty() ? 0 : H5Dwrite(ds, H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, ids.data());
            H5Dclose(ds);
            H5Gclose(runs);
            H5Fclose(h);
            if (st < 0) fail(partial, "HDF5 error while writing /runs/id");
        }
        std::vector<int> written;
        for (std::size_t i = 0; i < req.runs.size(); ++i) {
            lock.unlock();  // reading a source may take the lock itself
            auto series = source(req.runs[i]);
            lock.lock();
            if (!series) continue;
            if (int(series->size()) != replicates) fail(req.output, "run " + std::to_string(req.runs[i]) + " has the wrong number of replicates");
            for (int k = 0; k < replicates; ++k) file.write_replicate(int(i), k, (*series)[std::size_t(k)]);
            written.push_back(int(i));
            ++present;
        }
        // Runs are marked done only once their values are flushed: a file cut short (killed while
        // being kept for --resume) never marks a run done whose values did not reach the file.
        file.flush();
        for (int i : written) file.mark_run_done(i);
        if (req.finish) {
            AtomicFile whole = file.close_complete();
            lock.unlock();  // flushing to disk does not need the HDF5 lock: other runs go on writing
            whole.commit();
        } else {
            file.keep_incomplete();
        }
    } catch (...) {
        if (!lock.owns_lock()) lock.lock();
        file.discard();
        throw;
    }
    return present;
}

PartInfo read_part_info(const std::string& path) {
    std::lock_guard lock(hdf5_mutex());
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    // Before HDF5 opens it: a FIFO would block the open, a device would be read without end.
    if (const std::string problem = regular_file_problem(path); !problem.empty()) fail(path, "file " + problem);
    if (H5Fis_hdf5(path.c_str()) <= 0) fail(path, "not an HDF5 file (missing, truncated or damaged)");
    hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (file < 0) fail(path, "cannot open the HDF5 file (truncated or damaged)");
    PartInfo info;
    info.path = path;
    if (read_string_attr(file, "format") != "supplysim") {
        H5Fclose(file);
        fail(path, "not a supplysim results file");
    }
    if (const int version = int(read_int_attr(file, "format_version", 0)); version != output_format_version) {
        H5Fclose(file);
        fail(path, unknown_format_version(version, output_format_version));  // parts of one sweep: one version
    }
    info.hash = read_string_attr(file, "sweep_hash");
    info.sweep_name = read_string_attr(file, "sweep_name");
    info.part_label = read_string_attr(file, "sweep_part");
    info.design = read_string_attr(file, "design");
    info.yaml = read_string_attr(file, "sweep_yaml");
    info.complete = read_int_attr(file, "complete", 0) == 1;
    info.total_runs = int(read_int_attr(file, "sweep_runs_total", 0));
    info.replicates = int(read_int_attr(file, "replicates", 0));
    info.months = int(read_int_attr(file, "months", 0));
    const auto ids = read_1d<std::int64_t>(file, "runs/id", H5T_NATIVE_INT64);
    const auto done = read_1d<std::uint8_t>(file, "runs/done", H5T_NATIVE_UINT8);
    if (H5Lexists(file, "runs", H5P_DEFAULT) > 0) {
        hid_t runs = H5Gopen2(file, "runs", H5P_DEFAULT);
        info.sobol_n = int(read_int_attr(runs, "sobol_base_samples", 0));
        info.sobol_k = int(read_int_attr(runs, "sobol_parameters", 0));
        H5Gclose(runs);
    }
    hid_t params = H5Lexists(file, "runs/parameters", H5P_DEFAULT) > 0 ? H5Gopen2(file, "runs/parameters", H5P_DEFAULT) : -1;
    if (params >= 0) {
        H5G_info_t ginfo;
        H5Gget_info(params, &ginfo);
        for (hsize_t i = 0; i < ginfo.nlinks; ++i) {
            // Parameter paths have no length limit: ask for the name's size first.
            const ssize_t size = H5Lget_name_by_idx(params, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
            std::string name(std::size_t(std::max<ssize_t>(size, 0)) + 1, '\0');
            H5Lget_name_by_idx(params, ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size(), H5P_DEFAULT);
            name.resize(std::size_t(std::max<ssize_t>(size, 0)));
            info.parameter_paths.push_back(name);
            info.parameter_values.push_back(read_1d<double>(params, name.c_str(), H5T_NATIVE_DOUBLE));
        }
        H5Gclose(params);
    }
    hid_t groups = H5Dopen2(file, "groups", H5P_DEFAULT);
    if (groups >= 0) {
        hid_t space = H5Dget_space(groups);
        info.groups = int(H5Sget_simple_extent_npoints(space));
        H5Sclose(space);
        H5Dclose(groups);
    }
    H5Fclose(file);
    if (info.hash.empty()) fail(path, "not a sweep file (no sweep_hash attribute; was it written by `supplysim run`?)");
    if (ids.size() != done.size()) fail(path, "damaged sweep file: /runs/id and /runs/done differ in length");
    for (auto id : ids) info.all_ids.push_back(int(id));
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (done[i] == 1) {
            info.runs.push_back(int(ids[i]));
            info.local.push_back(int(i));
        }
    return info;
}

std::vector<Series> read_run(const PartInfo& info, int local) {
    std::lock_guard lock(hdf5_mutex());
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    hid_t file = H5Fopen(info.path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (file < 0) fail(info.path, "cannot open the HDF5 file (truncated or damaged)");
    const auto& catalogue = indicator_catalogue();
    std::vector<Series> out(static_cast<std::size_t>(info.replicates));
    for (auto& s : out) {
        s.indicators = int(catalogue.size());
        s.months = info.months;
        s.groups = info.groups;
        s.values.assign(std::size_t(s.indicators) * std::size_t(s.months) * std::size_t(s.groups), 0.0);
    }
    const std::size_t block = std::size_t(info.months) * std::size_t(info.groups);
    std::vector<double> buf(std::size_t(info.replicates) * block);
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        const std::string name = "indicators/" + catalogue[i].name;
        hid_t ds = H5Dopen2(file, name.c_str(), H5P_DEFAULT);
        if (ds < 0) {
            H5Fclose(file);
            fail(info.path, "no dataset /" + name + " (written by another version of supplysim?)");
        }
        hid_t space = H5Dget_space(ds);
        const hsize_t start[4] = {hsize_t(local), 0, 0, 0};
        const hsize_t count[4] = {1, hsize_t(info.replicates), hsize_t(info.months), hsize_t(info.groups)};
        H5Sselect_hyperslab(space, H5S_SELECT_SET, start, nullptr, count, nullptr);
        hid_t mem = H5Screate_simple(4, count, nullptr);
        const herr_t st = H5Dread(ds, H5T_NATIVE_DOUBLE, mem, space, H5P_DEFAULT, buf.data());
        H5Sclose(mem);
        H5Sclose(space);
        H5Dclose(ds);
        if (st < 0) {
            H5Fclose(file);
            fail(info.path, "cannot read /" + name + " (damaged file?)");
        }
        for (int k = 0; k < info.replicates; ++k)
            std::memcpy(&out[std::size_t(k)].values[i * block], &buf[std::size_t(k) * block], block * sizeof(double));
    }
    H5Fclose(file);
    return out;
}

}  // namespace supplysim::sweep
