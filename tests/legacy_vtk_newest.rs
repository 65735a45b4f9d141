//! Golden bytes written by the newest VTK (captured from VTK 9.7.2's vtkGenericDataObjectWriter,
//! `WriteToOutputStringOn`), for the §4.10 differences a 9.1-compatible reader must still accept:
//! a FIELD block after the AMR blocks, `OFFSETS int` / `CONNECTIVITY int` (actual array type of
//! 32-bit cell storage), the trailing space in `SCALARS s float \n`, and `nan`/`inf` in ASCII.
//! These run without VTK; `legacy_vtk_interop` checks the same against a live VTK 9.7.

use vtkwire::legacy::{marshal, read_file_bytes, unmarshal};
use vtkwire::model::*;

/// VTK 9.7.2: one-level AMR (one 2×2×2 block, no arrays) with field array `f` = 7.
const AMR_TRAILING_FIELD: &[u8] = b"# vtk DataFile Version 5.1\nvtk output\nBINARY\nDATASET OVERLAPPING_AMR\nGRID_DESCRIPTION 8\nORIGIN 0 0 0\nLEVELS 1\n1 1 1 1\nAMRBOXES 1 6\n\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\nCHILD 0 0\n# vtk DataFile Version 5.1\nvtk output\nBINARY\nDATASET STRUCTURED_POINTS\nDIMENSIONS 2 2 2\nSPACING 1 1 1\nORIGIN 0 0 0\nENDCHILD\nFIELD FieldData 1\nf 1 1 int\n\x00\x00\x00\x07\n";

/// VTK 9.7.2: polydata, one line 0-1 in 32-bit cell storage, point scalars `s` = NaN, -inf,
/// cell field array `d` = inf.
const POLY_ASCII: &[u8] = b"# vtk DataFile Version 5.1\nvtk output\nASCII\nDATASET POLYDATA\nPOINTS 2 float\n0 0 0 1 0 0 \nLINES 2 2\nOFFSETS int\n0 2 \nCONNECTIVITY int\n0 1 \nCELL_DATA 1\nFIELD FieldData 1\nd 1 1 double\ninf \nPOINT_DATA 2\nSCALARS s float \nLOOKUP_TABLE default\nnan -inf \n";
const POLY_BINARY: &[u8] = b"# vtk DataFile Version 5.1\nvtk output\nBINARY\nDATASET POLYDATA\nPOINTS 2 float\n\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00?\x80\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\nLINES 2 2\nOFFSETS int\n\x00\x00\x00\x00\x00\x00\x00\x02\nCONNECTIVITY int\n\x00\x00\x00\x00\x00\x00\x00\x01\nCELL_DATA 1\nFIELD FieldData 1\nd 1 1 double\n\x7f\xf0\x00\x00\x00\x00\x00\x00\nPOINT_DATA 2\nSCALARS s float \nLOOKUP_TABLE default\n\x7f\xc0\x00\x00\xff\x80\x00\x00\n";

fn f64s(a: &DataArray) -> Vec<f64> {
    (0..a.data().len()).map(|i| a.data().value_f64(i).unwrap()).collect()
}

#[test]
fn amr_with_trailing_field_block() {
    let o = read_file_bytes(AMR_TRAILING_FIELD).unwrap();
    let DataObject::OverlappingAmr(a) = &o else { panic!("not an AMR: {o:?}") };
    assert_eq!(a.levels.len(), 1);
    assert_eq!(a.levels[0].blocks.len(), 1);
    assert_eq!(a.levels[0].blocks[0].bbox, [0; 6]);
    assert!(a.levels[0].blocks[0].grid.is_some());
    let f = o.field_data().by_name("f").expect("field array f");
    assert_eq!((f.scalar_type().code(), f.components(), f.tuples()), (6, 1, 1));
    assert_eq!(f.data().value_i64(0), Some(7));
    // vtkwire writes the FIELD back after the blocks (as VTK >= 9.3 does; 9.1 drops it).
    assert_eq!(unmarshal(&marshal(Some(&o)).unwrap()).unwrap().unwrap(), o);
}

#[test]
fn poly_newest_keywords_and_non_finite_values() {
    for (what, bytes) in [("ascii", POLY_ASCII), ("binary", POLY_BINARY)] {
        let o = read_file_bytes(bytes).unwrap_or_else(|e| panic!("{what}: {e}"));
        let DataObject::PolyData(pd) = &o else { panic!("{what}: not polydata: {o:?}") };
        let lines = &pd.cells[1];
        assert_eq!(lines.offsets(), &[0, 2][..], "{what}");
        assert_eq!(lines.connectivity(), &[0, 1][..], "{what}");
        assert_eq!(f64s(o.points().unwrap()), vec![0.0, 0.0, 0.0, 1.0, 0.0, 0.0], "{what}");
        let s = o.attributes(Association::Point).unwrap().active(AttributeRole::Scalars).expect("scalars");
        assert_eq!(s.name_str(), "s", "{what}");
        let v = f64s(s);
        assert!(v[0].is_nan() && v[1] == f64::NEG_INFINITY, "{what}: {v:?}");
        let d = o.attributes(Association::Cell).unwrap().by_name("d").expect("d");
        assert_eq!(f64s(d), vec![f64::INFINITY], "{what}");
    }
}
