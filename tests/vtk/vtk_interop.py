#!/usr/bin/python3
"""VTK side of vtkwire's interop tests. Runs on Debian's VTK 9.1 (/usr/bin/python3) and on the
newest VTK from PyPI (target/vtk-venv/bin/python, installed by scripts/setup.sh; verified with
VTK 9.7.2). API differences between the versions are guarded with VTK_VERSION below.

  vtk_interop.py make DIR   build one object of each of the 12 types with VTK; write
                            NAME.bin (MarshalDataObject), NAME.b.vtk / NAME.a.vtk (legacy
                            writer, binary / ascii) and NAME.desc (description)
  vtk_interop.py read DIR   for every NAME.bin / NAME.b.vtk / NAME.a.vtk written by vtkwire,
                            decode with VTK and write NAME.<ext>.vtkdesc

The description is a sorted list of lines; vtkwire's tests compute the same lines in Rust.
"""
import os
import sys

import numpy as np
from vtkmodules.util import numpy_support as ns
from vtkmodules.vtkCommonCore import (vtkBitArray, vtkCharArray, vtkDoubleArray, vtkFloatArray,
                                      vtkIdTypeArray, vtkIntArray, vtkLookupTable, vtkPoints,
                                      vtkShortArray, vtkStringArray, vtkTypeInt64Array,
                                      vtkTypeUInt64Array, vtkUnsignedCharArray, vtkVariant,
                                      vtkVariantArray, vtkOutputWindow, vtkFileOutputWindow)
from vtkmodules.vtkCommonDataModel import (vtkAMRBox, vtkCellArray, vtkDataObject, vtkDirectedGraph,
                                           vtkImageData, vtkMultiBlockDataSet,
                                           vtkMutableDirectedGraph, vtkMutableUndirectedGraph,
                                           vtkOverlappingAMR, vtkPolyData, vtkRectilinearGrid,
                                           vtkStructuredGrid, vtkStructuredPoints, vtkTable, vtkTree,
                                           vtkUndirectedGraph, vtkUniformGrid, vtkUnstructuredGrid)
from vtkmodules.vtkIOLegacy import vtkGenericDataObjectReader, vtkGenericDataObjectWriter
from vtkmodules.vtkParallelCore import vtkCommunicator
from vtkmodules.vtkCommonCore import vtkVersion

VTK_VERSION = (vtkVersion.GetVTKMajorVersion(), vtkVersion.GetVTKMinorVersion())
# 9.6 deprecated vtkOverlappingAMR.Initialize(n, blocks), GetNumberOfDataSets and GetDataSet.
NEW_AMR_API = VTK_VERSION >= (9, 6)
# Since 9.3 the composite writer writes the FIELD block of every composite (AMR too, after the
# AMR blocks); 9.1 drops an AMR's field data (and its reader rejects the trailing FIELD).
AMR_FIELD = VTK_VERSION >= (9, 3)

# Keep VTK's warnings out of the test output.
_log = vtkFileOutputWindow()
_log.SetFileName(os.devnull)
vtkOutputWindow.SetInstance(_log)

ROLES = ["scalars", "vectors", "normals", "tcoords", "tensors", "global_ids", "pedigree_ids", "edge_flags"]


def fmt(v):
    if isinstance(v, str):
        return v.encode("utf-8").hex() or "-"
    f = float(v)
    if f != f:
        return "nan"
    if isinstance(v, int):
        return str(v)
    if f == int(f) and abs(f) < 2**53:
        return str(int(f))
    return "%.17g" % f


def arr_lines(prefix, attrs):
    out = []
    if attrs is None:
        return out
    for i in range(attrs.GetNumberOfArrays()):
        a = attrs.GetAbstractArray(i)
        if a is None:
            continue
        t = a.GetDataType()
        t = {15: 2, 12: 16, 8: 16, 9: 17}.get(t, t)  # signed char reads as char; id/long as int64
        n = a.GetNumberOfValues()
        if a.IsA("vtkStringArray"):
            vals = [a.GetValue(j) for j in range(n)]
        elif a.IsA("vtkVariantArray"):
            vals = [a.GetValue(j).ToString() for j in range(n)]
        elif not (a.IsA("vtkCharArray") or a.IsA("vtkSignedCharArray")):
            vals = [a.GetValue(j) for j in range(n)]
        else:
            vals = [a.GetTuple(j // a.GetNumberOfComponents())[j % a.GetNumberOfComponents()] for j in range(n)]
        name = a.GetName() or ""
        out.append("%s array %s t%d c%d n%d %s" % (prefix, fmt(name), t, a.GetNumberOfComponents(),
                                                 a.GetNumberOfTuples(), " ".join(fmt(v) for v in vals)))
    if hasattr(attrs, "GetAttribute"):
        for r, role in enumerate(ROLES):
            a = attrs.GetAbstractAttribute(r)
            if a is not None:
                out.append("%s role %s %s" % (prefix, role, fmt(a.GetName() or "")))
    return out


def describe(o, p="o"):
    lines = []
    if o is None:
        return [p + " null"]
    lines += arr_lines(p + " field", o.GetFieldData())
    if o.IsA("vtkImageData"):
        lines.append("%s image extent %s" % (p, " ".join(map(str, o.GetExtent()))))
        lines.append("%s image spacing %s" % (p, " ".join(fmt(round(x * 1e9) / 1e9) for x in o.GetSpacing())))
        lines.append("%s image origin %s" % (p, " ".join(fmt(round(x * 1e9) / 1e9) for x in o.GetOrigin())))
    if o.IsA("vtkRectilinearGrid"):
        lines.append("%s rect extent %s" % (p, " ".join(map(str, o.GetExtent()))))
        for ax, c in enumerate([o.GetXCoordinates(), o.GetYCoordinates(), o.GetZCoordinates()]):
            lines.append("%s coord%d %s" % (p, ax, " ".join(fmt(c.GetTuple1(j)) for j in range(c.GetNumberOfTuples()))))
    if o.IsA("vtkStructuredGrid"):
        lines.append("%s sgrid extent %s" % (p, " ".join(map(str, o.GetExtent()))))
    if o.IsA("vtkPointSet") or o.IsA("vtkGraph"):
        pts = o.GetPoints()
        if pts is not None and pts.GetNumberOfPoints() > 0:
            d = pts.GetData()
            lines.append("%s points t%d %s" % (p, d.GetDataType(), " ".join(
                fmt(d.GetTuple3(j)[k]) for j in range(d.GetNumberOfTuples()) for k in range(3))))
    if o.IsA("vtkPolyData"):
        for name, ca in [("verts", o.GetVerts()), ("lines", o.GetLines()), ("polys", o.GetPolys()), ("strips", o.GetStrips())]:
            off = ns.vtk_to_numpy(ca.GetOffsetsArray()) if ca.GetNumberOfCells() else []
            con = ns.vtk_to_numpy(ca.GetConnectivityArray()) if ca.GetNumberOfCells() else []
            if len(con) or ca.GetNumberOfCells():
                lines.append("%s %s %s | %s" % (p, name, " ".join(map(str, off)), " ".join(map(str, con))))
    if o.IsA("vtkUnstructuredGrid"):
        n = o.GetNumberOfCells()
        if n:
            lines.append("%s ucells %s" % (p, " ".join(str(o.GetCellType(i)) for i in range(n))))
            for i in range(n):
                if o.GetCellType(i) == 42:
                    ids = vtkIdTypeArray()
                    o.GetFaceStream(i, ids) if hasattr(o, "GetFaceStream") else None
                    st = []
                    f = o.GetFaces(i)
                    lines.append("%s cell%d faces" % (p, i))
                else:
                    c = o.GetCell(i)
                    lines.append("%s cell%d %s" % (p, i, " ".join(str(c.GetPointId(j)) for j in range(c.GetNumberOfPoints()))))
    if o.IsA("vtkDataSet"):
        lines += arr_lines(p + " pd", o.GetPointData())
        lines += arr_lines(p + " cd", o.GetCellData())
    if o.IsA("vtkTable"):
        lines += arr_lines(p + " rd", o.GetRowData())
    if o.IsA("vtkGraph"):
        lines.append("%s graph %s v%d" % (p, "tree" if o.IsA("vtkTree") else ("directed" if o.IsA("vtkDirectedGraph") else "undirected"), o.GetNumberOfVertices()))
        ed = []
        for e in range(o.GetNumberOfEdges()):
            ed.append("%d>%d" % (o.GetSourceVertex(e), o.GetTargetVertex(e)))
        lines.append("%s edges %s" % (p, " ".join(ed)))
        lines += arr_lines(p + " vd", o.GetVertexData())
        lines += arr_lines(p + " ed", o.GetEdgeData())
    if o.IsA("vtkMultiBlockDataSet"):
        lines.append("%s blocks %d" % (p, o.GetNumberOfBlocks()))
        for i in range(o.GetNumberOfBlocks()):
            md = o.GetMetaData(i) if o.HasMetaData(i) else None
            nm = md.Get(vtkMultiBlockDataSet.NAME()) if md is not None and md.Has(vtkMultiBlockDataSet.NAME()) else None
            if nm:
                lines.append("%s name%d %s" % (p, i, fmt(nm)))
            lines += describe(o.GetBlock(i), "%s.%d" % (p, i))
    if o.IsA("vtkOverlappingAMR"):
        lines.append("%s amr levels %d" % (p, o.GetNumberOfLevels()))
        for l in range(o.GetNumberOfLevels()):
            sp = [0.0, 0.0, 0.0]
            o.GetSpacing(l, sp)
            nb = o.GetNumberOfBlocks(l) if NEW_AMR_API else o.GetNumberOfDataSets(l)
            lines.append("%s level%d n%d sp %s" % (p, l, nb, " ".join(fmt(x) for x in sp)))
            for b in range(nb):
                box = o.GetAMRBox(l, b)
                lo, hi = [0, 0, 0], [0, 0, 0]
                box.GetDimensions(lo, hi)
                g = o.GetDataSetAsImageData(l, b) if NEW_AMR_API else o.GetDataSet(l, b)
                lines.append("%s box%d.%d %s %s data=%d" % (p, l, b, " ".join(map(str, lo)), " ".join(map(str, hi)), g is not None))
                if g is not None:
                    lines += arr_lines("%s g%d.%d pd" % (p, l, b), g.GetPointData())
                    lines += arr_lines("%s g%d.%d cd" % (p, l, b), g.GetCellData())
    return lines


def arr(cls, name, vals, nc=1):
    a = cls()
    if name is not None:
        a.SetName(name)
    a.SetNumberOfComponents(nc)
    for v in vals:
        a.InsertNextValue(v)
    return a


def points(coords, cls=vtkFloatArray):
    p = vtkPoints()
    d = arr(cls, None, [c for xyz in coords for c in xyz], 3)
    p.SetData(d)
    return p


def rich(attrs, n, roles=True):
    s = arr(vtkFloatArray, "temp C", [1.5 * i - 2 for i in range(n)])
    if roles:
        attrs.SetScalars(s)
        lut = vtkLookupTable()
        lut.SetNumberOfTableValues(2)
        lut.SetTableValue(0, 1, 0, 0, 1)
        lut.SetTableValue(1, 0, 0, 1, 0.5)
        lut.Build()
        s.SetLookupTable(lut)
        attrs.SetVectors(arr(vtkDoubleArray, "vel", [0.25 * i for i in range(3 * n)], 3))
        attrs.SetGlobalIds(arr(vtkIdTypeArray, "gids", [7 + i for i in range(n)]))
        attrs.SetPedigreeIds(arr(vtkStringArray, "ped", ["p %d" % i for i in range(n)]))
    else:
        attrs.AddArray(s)
    attrs.AddArray(arr(vtkIntArray, "ints", [i * 1000 - 5 for i in range(n)]))
    attrs.AddArray(arr(vtkTypeInt64Array, "i64", [-(2**40) + i for i in range(n)]))
    attrs.AddArray(arr(vtkTypeUInt64Array, "u64", [2**63 + i for i in range(n)]))
    attrs.AddArray(arr(vtkStringArray, "names", ["é%d x" % i for i in range(n)]))
    attrs.AddArray(arr(vtkShortArray, "sh", [-i for i in range(2 * n)], 2))
    attrs.AddArray(arr(vtkBitArray, "bits", [i % 2 for i in range(n)]))
    attrs.AddArray(arr(vtkCharArray, "chars", [chr(65 + i % 26) for i in range(n)]))


def field(o):
    fd = o.GetFieldData()
    fd.AddArray(arr(vtkDoubleArray, "time value", [1.5]))
    fd.AddArray(arr(vtkStringArray, "label", ["a b", "ü"]))


def build():
    objs = {}
    img = vtkImageData()
    img.SetExtent(1, 3, 0, 2, 2, 3)
    img.SetOrigin(0.5, -1, 2)
    img.SetSpacing(0.5, 0.25, 2)
    rich(img.GetPointData(), img.GetNumberOfPoints())
    rich(img.GetCellData(), img.GetNumberOfCells(), roles=False)
    field(img)
    objs["image"] = img
    sp = vtkStructuredPoints()
    sp.SetExtent(0, 2, 0, 1, 0, 0)
    sp.SetSpacing(1, 2, 1)
    rich(sp.GetPointData(), sp.GetNumberOfPoints())
    objs["structured_points"] = sp
    rg = vtkRectilinearGrid()
    rg.SetExtent(0, 2, 1, 2, 0, 0)
    rg.SetXCoordinates(arr(vtkDoubleArray, None, [0, 0.5, 2]))
    rg.SetYCoordinates(arr(vtkFloatArray, None, [1, 3]))
    rg.SetZCoordinates(arr(vtkIntArray, None, [4]))
    rich(rg.GetPointData(), rg.GetNumberOfPoints())
    field(rg)
    objs["rectilinear"] = rg
    sg = vtkStructuredGrid()
    sg.SetExtent(0, 1, 0, 1, 0, 0)
    sg.SetPoints(points([(0, 0, 0), (1, 0, 0), (0, 1, 0), (1, 1, 0.5)], vtkDoubleArray))
    rich(sg.GetCellData(), sg.GetNumberOfCells())
    objs["structured_grid"] = sg
    pd = vtkPolyData()
    pd.SetPoints(points([(0, 0, 0), (1, 0, 0), (0, 1, 0), (1, 1, 1)]))
    for kind, cells in [("verts", [[0]]), ("lines", [[0, 1, 2]]), ("polys", [[0, 1, 2], [1, 2, 3, 0]]), ("strips", [[0, 1, 2, 3]])]:
        ca = vtkCellArray()
        for c in cells:
            ca.InsertNextCell(len(c))
            for i in c:
                ca.InsertCellPoint(i)
        getattr(pd, "Set" + kind.capitalize())(ca)
    rich(pd.GetPointData(), 4)
    rich(pd.GetCellData(), pd.GetNumberOfCells())
    field(pd)
    objs["poly"] = pd
    ug = vtkUnstructuredGrid()
    ug.SetPoints(points([(0, 0, 0), (1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 1, 1)]))
    ug.Allocate(4)
    ug.InsertNextCell(10, 4, [0, 1, 2, 3])
    ug.InsertNextCell(5, 3, [1, 2, 4])
    ug.InsertNextCell(1, 1, [4])
    rich(ug.GetPointData(), 5)
    rich(ug.GetCellData(), 3, roles=False)
    objs["unstructured"] = ug
    t = vtkTable()
    t.AddColumn(arr(vtkIntArray, "id", [1, 2, 3]))
    t.AddColumn(arr(vtkStringArray, "name", ["alpha", "", "γ"]))
    t.AddColumn(arr(vtkDoubleArray, "val", [0.5, -1e300, 3.25]))
    va = vtkVariantArray()
    va.SetName("var")
    for v in [vtkVariant(3), vtkVariant("hi there"), vtkVariant(2.5)]:
        va.InsertNextValue(v)
    t.AddColumn(va)
    field(t)
    objs["table"] = t
    for name, mcls, ocls in [("directed", vtkMutableDirectedGraph, vtkDirectedGraph), ("undirected", vtkMutableUndirectedGraph, vtkUndirectedGraph)]:
        g = mcls()
        for _ in range(4):
            g.AddVertex()
        for s, d in [(0, 1), (1, 2), (2, 0), (3, 3)]:
            g.AddEdge(s, d)
        g.GetVertexData().AddArray(arr(vtkIntArray, "vw", [10, 20, 30, 40]))
        g.GetEdgeData().AddArray(arr(vtkFloatArray, "ew", [0.5, 1.5, 2.5, 3.5]))
        o = ocls()
        o.ShallowCopy(g)
        field(o)
        objs[name] = o
    g = vtkMutableDirectedGraph()
    for _ in range(4):
        g.AddVertex()
    for s, d in [(0, 1), (0, 2), (1, 3)]:
        g.AddEdge(s, d)
    g.GetVertexData().AddArray(arr(vtkStringArray, "label", ["r", "a", "b", "c"]))
    tr = vtkTree()
    tr.CheckedShallowCopy(g)
    objs["tree"] = tr
    mb = vtkMultiBlockDataSet()
    mb.SetNumberOfBlocks(3)
    p1 = vtkPolyData()
    p1.SetPoints(points([(1, 2, 3)]))
    mb.SetBlock(0, p1)
    mb.GetMetaData(0).Set(vtkMultiBlockDataSet.NAME(), "first block")
    inner = vtkMultiBlockDataSet()
    inner.SetNumberOfBlocks(2)
    inner.SetBlock(0, t)
    inner.SetBlock(1, tr)
    mb.SetBlock(2, inner)
    mb.GetFieldData().AddArray(arr(vtkIntArray, "mbfield", [5]))
    objs["multiblock"] = mb
    amr = vtkOverlappingAMR()
    if NEW_AMR_API:
        amr.Initialize([1, 2])
    else:
        amr.Initialize(2, [1, 2])
    amr.SetOrigin([0.0, 0.0, 0.0])
    amr.SetGridDescription(8)
    for lvl, blk, lo, hi, sp in [(0, 0, (0, 0, 0), (3, 3, 3), 1.0), (1, 0, (0, 0, 0), (1, 1, 1), 0.5), (1, 1, (4, 4, 4), (5, 5, 5), 0.5)]:
        box = vtkAMRBox(lo, hi)
        amr.SetSpacing(lvl, [sp] * 3)
        amr.SetAMRBox(lvl, blk, box)
        if (lvl, blk) != (1, 1):
            ug_ = vtkUniformGrid()
            n = [hi[i] - lo[i] + 2 for i in range(3)]
            ug_.SetDimensions(n)
            ug_.SetSpacing(sp, sp, sp)
            ug_.SetOrigin([lo[i] * sp for i in range(3)])
            ug_.GetCellData().AddArray(arr(vtkDoubleArray, "rho", [0.5 * i for i in range(ug_.GetNumberOfCells())]))
            amr.SetDataSet(lvl, blk, ug_)
    objs["amr"] = amr
    if AMR_FIELD:
        # Extra object for newer VTK only: the same AMR with field data, written as a FIELD block
        # after the AMR blocks. (VTK 9.7.2's own reader fails on that trailing FIELD and drops it.)
        af = vtkOverlappingAMR()
        af.ShallowCopy(amr)
        af.GetFieldData().AddArray(arr(vtkIntArray, "amrfield", [7, -8]))
        objs["amr_field"] = af
    return objs


def marshal(o):
    a = vtkCharArray()
    vtkCommunicator.MarshalDataObject(o, a)
    if a.GetNumberOfTuples() == 0:
        return b""
    return ns.vtk_to_numpy(a).astype(np.int8).tobytes()


NEW = {"image": vtkImageData, "structured_points": vtkStructuredPoints, "rectilinear": vtkRectilinearGrid,
       "structured_grid": vtkStructuredGrid, "poly": vtkPolyData, "unstructured": vtkUnstructuredGrid,
       "table": vtkTable, "directed": vtkDirectedGraph, "undirected": vtkUndirectedGraph, "tree": vtkTree,
       "multiblock": vtkMultiBlockDataSet, "amr": vtkOverlappingAMR, "amr_field": vtkOverlappingAMR}


def unmarshal(b, name):
    a = vtkCharArray()
    a.SetNumberOfTuples(len(b))
    if len(b):
        ns.vtk_to_numpy(a)[:] = np.frombuffer(b, dtype=np.int8)
    o = NEW[name]()
    vtkCommunicator.UnMarshalDataObject(a, o)
    return o


def write_desc(path, o):
    with open(path, "w") as f:
        f.write("\n".join(sorted(describe(o))) + "\n")


def main():
    mode, d = sys.argv[1], sys.argv[2]
    if mode == "make":
        for name, o in build().items():
            with open(os.path.join(d, name + ".bin"), "wb") as f:
                f.write(marshal(o))
            for ext, binary in [("b.vtk", True), ("a.vtk", False)]:
                w = vtkGenericDataObjectWriter()
                w.SetInputData(o)
                w.SetFileName(os.path.join(d, name + "." + ext))
                if binary:
                    w.SetFileTypeToBinary()
                else:
                    w.SetFileTypeToASCII()
                w.Write()
            write_desc(os.path.join(d, name + ".desc"), o)
    # "read" (and the end of "make"): how VTK itself decodes each file in the directory.
    if True:
        for fn in sorted(os.listdir(d)):
            base, _, ext = fn.partition(".")
            path = os.path.join(d, fn)
            if ext == "bin":
                o = unmarshal(open(path, "rb").read(), base)
            elif ext in ("b.vtk", "a.vtk"):
                r = vtkGenericDataObjectReader()
                r.SetFileName(path)
                r.Update()
                o = r.GetOutput()
            else:
                continue
            write_desc(path + "desc", o)


if __name__ == "__main__":
    main()
