//! Golden bytes from the reference's Appendix A (VTK 9.1 output): vtkwire writes the same bytes
//! for objects VTK represents exactly, and reads VTK's bytes back to the right values.

use vtkwire::legacy::{marshal, read_file_bytes, unmarshal, write_file_bytes};
use vtkwire::model::*;

fn hx(s: &str) -> Vec<u8> {
    let s: String = s.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect()
}

struct B(Vec<u8>);
impl B {
    fn t(mut self, s: &str) -> Self {
        self.0.extend_from_slice(s.as_bytes());
        self
    }
    fn h(mut self, s: &str) -> Self {
        self.0.extend(hx(s));
        self
    }
    fn r(mut self, b: &[u8]) -> Self {
        self.0.extend_from_slice(b);
        self
    }
}
fn b() -> B {
    B(Vec::new())
}

fn arr<T: Scalar>(name: &str, nc: usize, v: Vec<T>) -> DataArray
where
    Buffer<T>: IntoArrayData,
{
    DataArray::from_vec(Some(name), nc, v).unwrap()
}

fn cells(offsets: Vec<i64>, conn: Vec<i64>) -> CellArray {
    CellArray::new(offsets.into(), conn.into()).unwrap()
}

fn show(b: &[u8]) -> String {
    b.iter().map(|&c| if (0x20..0x7f).contains(&c) || c == b'\n' { c as char } else { '.' }).collect()
}

fn assert_bytes(got: &[u8], want: &[u8]) {
    if got != want {
        let i = got.iter().zip(want).position(|(a, b)| a != b).unwrap_or(got.len().min(want.len()));
        panic!(
            "bytes differ at {i} (got {} bytes, want {}):\n got: {:?}\nwant: {:?}",
            got.len(),
            want.len(),
            show(&got[i.saturating_sub(40)..(i + 40).min(got.len())]),
            show(&want[i.saturating_sub(40)..(i + 40).min(want.len())])
        );
    }
}

const H: &str = "# vtk DataFile Version 5.1\nvtk output\nBINARY\n";

fn triangle() -> DataObject {
    let mut pd =
        PolyData { points: Some(arr::<f32>("", 3, vec![0., 0., 0., 1., 0., 0., 0., 1., 0.])), ..PolyData::default() };
    pd.points.as_mut().unwrap().name = None;
    pd.cells[PolyCells::Polys as usize] = cells(vec![0, 3], vec![0, 1, 2]);
    DataObject::PolyData(pd)
}

#[test]
fn a1_triangle_polydata() {
    let want = hx("2320 7674 6b20 4461 7461 4669 6c65 2056 6572 7369 6f6e 2035 2e31 0a76 746b 206f
        7574 7075 740a 4249 4e41 5259 0a44 4154 4153 4554 2050 4f4c 5944 4154 410a 504f
        494e 5453 2033 2066 6c6f 6174 0a00 0000 0000 0000 0000 0000 003f 8000 0000 0000
        0000 0000 0000 0000 003f 8000 0000 0000 000a 504f 4c59 474f 4e53 2032 2033 0a4f
        4646 5345 5453 2076 746b 7479 7065 696e 7436 340a 0000 0000 0000 0000 0000 0000
        0000 0003 0a43 4f4e 4e45 4354 4956 4954 5920 7674 6b74 7970 6569 6e74 3634 0a00
        0000 0000 0000 0000 0000 0000 0000 0100 0000 0000 0000 020a");
    assert_eq!(want.len(), 216);
    let obj = triangle();
    let got = marshal(Some(&obj)).unwrap();
    assert_bytes(&got, &want);
    assert_eq!(vtkwire::legacy::marshaled_len(Some(&obj)).unwrap(), 216);
    assert_eq!(unmarshal(&want).unwrap().unwrap(), obj);
}

fn a2_vtk_bytes() -> Vec<u8> {
    hx("4558 5445 4e54 2032 2033 2030 2031 2035 2035 0000 0000 0000 b091 9627 0000 0000
        0400 0000 0000 0000 aee1 2cdc 017f 0000 0800 0000 0000 0000 60ac 76dc 017f 0000
        0400 0000 0000 0000 a4f0 2404 e5b2 7fd5 f8ee 15be fc7f 0000 0091 eae6 ba02 e856
        60ef 15be fc7f 0000 40d2 2fdc 017f 0000 efee 15be fc7f 0000 efee 15be fc7f 0000
        2320 7674 6b20 4461 7461 4669 6c65 2056 6572 7369 6f6e 2035 2e31 0a76 746b 206f
        7574 7075 740a 4249 4e41 5259 0a44 4154 4153 4554 2053 5452 5543 5455 5245 445f
        504f 494e 5453 0a44 494d 454e 5349 4f4e 5320 3220 3220 310a 5350 4143 494e 4720
        302e 3120 302e 3220 312e 3233 3435 370a 4f52 4947 494e 2030 2e37 2030 2e33 3333
        3333 3320 342e 3137 3238 340a 504f 494e 545f 4441 5441 2034 0a53 4341 4c41 5253
        2064 656e 7369 7479 2073 686f 7274 0a4c 4f4f 4b55 505f 5441 424c 4520 6465 6661
        756c 740a ffff 03e7 07cf 0bb7 0a")
}

fn a2_image(origin: [f64; 3], spacing: [f64; 3]) -> DataObject {
    let mut img = ImageData::new([2, 3, 0, 1, 5, 5], origin, spacing);
    img.point_data.add_with_role(arr::<i16>("density", 1, vec![-1, 999, 1999, 2999]), AttributeRole::Scalars).unwrap();
    DataObject::ImageData(img)
}

#[test]
fn a2_image_reads_like_vtk() {
    let bytes = a2_vtk_bytes();
    assert_eq!(bytes.len(), 333);
    let DataObject::ImageData(img) = unmarshal(&bytes).unwrap().unwrap() else { panic!("not an image") };
    assert_eq!(img.extent, [2, 3, 0, 1, 5, 5]);
    assert_eq!(img.spacing, [0.1, 0.2, 1.23457]);
    assert_eq!(img.origin, [0.49999999999999994, 0.333333, -2.0000099999999996]);
    assert_eq!(img.point_data.active(AttributeRole::Scalars).unwrap().data().value_i64(3), Some(2999));
}

#[test]
fn a2_image_writes_like_vtk_with_exact_doubles() {
    // With values VTK prints exactly, everything after the EXTENT text is VTK's, tail zeroed.
    let obj = a2_image([0.5, 0.25, -2.0], [0.5, 0.25, 1.5]);
    let got = marshal(Some(&obj)).unwrap();
    let mut want = b"EXTENT 2 3 0 1 5 5".to_vec();
    want.resize(128, 0);
    want.extend(
        b().t(H)
            .t("DATASET STRUCTURED_POINTS\nDIMENSIONS 2 2 1\nSPACING 0.5 0.25 1.5\nORIGIN 1.5 0.25 5.5\n")
            .t("POINT_DATA 4\nSCALARS density short\nLOOKUP_TABLE default\n")
            .h("ffff 03e7 07cf 0bb7 0a")
            .0,
    );
    assert_bytes(&got, &want);
    assert_eq!(unmarshal(&got).unwrap().unwrap(), obj);
    // A.2's own values: full-precision doubles and an exact origin carried in the title.
    let obj = a2_image([0.5, 1.0 / 3.0, -2.0], [0.1, 0.2, 1.23456789]);
    let got = marshal(Some(&obj)).unwrap();
    let text = show(&got[128..]);
    assert!(text.contains("SPACING 0.1 0.2 1.23456789\n"), "{text}");
    assert!(text.contains("vtk output vtkwire1 O=0.5,0.3333333333333333,-2.0"), "{text}");
    assert_eq!(&got[..19], b"EXTENT 2 3 0 1 5 5\0");
    assert!(got[19..128].iter().all(|&b| b == 0));
    assert_eq!(unmarshal(&got).unwrap().unwrap(), obj);
}

fn a3_object(bits_bug_free: bool) -> DataObject {
    let _ = bits_bug_free;
    let mut pd = PolyData::default();
    let mut pts = arr::<f32>("", 3, vec![0., 0., 0., 1., 0., 0.]);
    pts.name = None;
    pd.points = Some(pts);
    pd.cells[PolyCells::Verts as usize] = cells(vec![0, 1], vec![0]);
    pd.cells[PolyCells::Lines as usize] = cells(vec![0, 2], vec![0, 1]);
    pd.cell_data
        .add_with_role(arr::<u8>("rgba", 4, vec![0xff, 0, 0, 0xff, 0, 0x80, 0, 0xff]), AttributeRole::Scalars)
        .unwrap();
    let p = &mut pd.point_data;
    let mut temp = arr::<f32>("temp C", 1, vec![1.0, -2.5]);
    temp.lookup_table =
        Some(LookupTable { name: "lookup_table".into(), rgba: vec![[255, 0, 0, 255], [0, 0, 255, 128]] });
    p.add_with_role(temp, AttributeRole::Scalars).unwrap();
    let mut vel = arr::<f64>("vel", 3, vec![1., 2., 3., 4., 5., 6.]);
    for (i, n) in ["vx", "v y", "vz"].iter().enumerate() {
        vel.set_component_name(i, n).unwrap();
    }
    p.add_with_role(vel, AttributeRole::Vectors).unwrap();
    p.add_with_role(arr::<f32>("N", 3, vec![0., 0., 1., 0., 1., 0.]), AttributeRole::Normals).unwrap();
    p.add_with_role(arr::<f32>("uv", 2, vec![0., 1., 1., 0.]), AttributeRole::TCoords).unwrap();
    let t: Vec<f32> = (1..=6).chain(1..=6).map(|v| v as f32).collect();
    p.add_with_role(arr::<f32>("stress", 6, t), AttributeRole::Tensors).unwrap();
    let gids = DataArray::new(Some("gids"), 1, ArrayData::IdType(vec![5i64, -1294967296].into())).unwrap();
    p.add_with_role(gids, AttributeRole::GlobalIds).unwrap();
    let ped = DataArray::strings(Some("ped"), vec!["a b".into(), "x".repeat(70)]);
    p.add_with_role(ped, AttributeRole::PedigreeIds).unwrap();
    p.add_with_role(arr::<u8>("ef", 1, vec![1, 0]), AttributeRole::EdgeFlags).unwrap();
    let bits = Bits::from_bools(&[true, false, false, true, false, false, true, false, false, false]);
    p.add(DataArray::new(Some("bits"), 5, ArrayData::Bit(bits)).unwrap());
    let mut sc = DataArray::new(Some("sc"), 1, ArrayData::SignedChar(vec![-5i8, 5].into())).unwrap();
    sc.info.push(InfoEntry {
        name: "UNITS_LABEL".into(),
        location: "vtkDataArray".into(),
        value: InfoValue::String("m/s".into()),
    });
    sc.info.push(InfoEntry {
        name: "GUI_HIDE".into(),
        location: "vtkAbstractArray".into(),
        value: InfoValue::Integer(1),
    });
    p.add(sc);
    p.add(DataArray::new(Some("lng"), 1, ArrayData::Long(vec![-1i64, 1 << 40].into())).unwrap());
    p.add(arr::<u64>("ull", 1, vec![u64::MAX, 1]));
    p.add(
        DataArray::new(
            Some("var"),
            1,
            ArrayData::Variant(vec![
                Variant { type_code: 6, text: "3".into() },
                Variant { type_code: 13, text: "hi there".into() },
            ]),
        )
        .unwrap(),
    );
    p.add(DataArray::new(Some("chr"), 1, ArrayData::Char(vec![0x41i8, 0].into())).unwrap());
    DataObject::PolyData(pd)
}

fn a3_bytes(bit_bytes: &str) -> Vec<u8> {
    b().t(H)
        .t("DATASET POLYDATA\nPOINTS 2 float\n")
        .h("00000000 00000000 00000000 3f800000 00000000 00000000")
        .t("\nVERTICES 2 1\nOFFSETS vtktypeint64\n")
        .h("0000000000000000 0000000000000001")
        .t("\nCONNECTIVITY vtktypeint64\n")
        .h("0000000000000000")
        .t("\nLINES 2 2\nOFFSETS vtktypeint64\n")
        .h("0000000000000000 0000000000000002")
        .t("\nCONNECTIVITY vtktypeint64\n")
        .h("0000000000000000 0000000000000001")
        .t("\nCELL_DATA 2\nCOLOR_SCALARS rgba 4\n")
        .h("ff0000ff 008000ff")
        .t("\nPOINT_DATA 2\nSCALARS temp%20C float\nLOOKUP_TABLE lookup_table\n")
        .h("3f800000 c0200000")
        .t("\nLOOKUP_TABLE lookup_table 2\n")
        .h("ff0000ff 0000ff80")
        .t("\nVECTORS vel double\n")
        .h("3ff0000000000000 4000000000000000 4008000000000000 4010000000000000 4014000000000000 4018000000000000")
        .t("\nMETADATA\nCOMPONENT_NAMES\nvx\nv%20y\nvz\n\n")
        .t("NORMALS N float\n")
        .h("00000000 00000000 3f800000 00000000 3f800000 00000000")
        .t("\nTEXTURE_COORDINATES uv 2 float\n")
        .h("00000000 3f800000 3f800000 00000000")
        .t("\nTENSORS6 stress float\n")
        .h("3f800000 40000000 40400000 40800000 40a00000 40c00000 3f800000 40000000 40400000 40800000 40a00000 40c00000")
        .t("\nGLOBAL_IDS gids vtkIdType\n")
        .h("00000005 b2d05e00")
        .t("\nPEDIGREE_IDS ped string\n")
        .h("c3")
        .t("a b")
        .h("8046")
        .t(&"x".repeat(70))
        .t("\nEDGE_FLAGS ef unsigned_char\n")
        .h("01 00")
        .t("\nFIELD FieldData 6\nbits 5 2 bit\n")
        .h(bit_bytes)
        .t("\nsc 1 2 signed_char\n")
        .h("fb 05")
        .t("\nMETADATA\nINFORMATION 2\nNAME UNITS_LABEL LOCATION vtkDataArray\nDATA m/s\nNAME GUI_HIDE LOCATION vtkAbstractArray\nDATA 1\n\n")
        .t("lng 1 2 long\n")
        .h("ffffffffffffffff 0000010000000000")
        .t("\null 1 2 vtktypeuint64\n")
        .h("ffffffffffffffff 0000000000000001")
        .t("\nvar 1 2 variant\n6 3\n13 hi%20there\n")
        .t("chr 1 2 char\n")
        .h("41 00")
        .t("\n")
        .0
}

#[test]
fn a3_every_attribute_kind() {
    let vtk = a3_bytes("92");
    assert_eq!(vtk.len(), 1155);
    let obj = a3_object(true);
    // VTK writes one byte for the 10-bit array (its bug); vtkwire writes both.
    assert_bytes(&marshal(Some(&obj)).unwrap(), &a3_bytes("92 00"));
    assert_eq!(unmarshal(&a3_bytes("92 00")).unwrap().unwrap(), obj);
    // VTK's own bytes: the short bit array is tolerated (the missing bits read as 0).
    let back = unmarshal(&vtk).unwrap().unwrap();
    let DataObject::PolyData(pd) = &back else { panic!() };
    let bits = pd.point_data.by_name("bits").unwrap();
    assert_eq!(bits.data().value_i64(0), Some(1));
    assert_eq!(bits.data().value_i64(9), Some(0));
    let DataObject::PolyData(want) = &obj else { panic!() };
    for (a, b) in pd.point_data.arrays().iter().zip(want.point_data.arrays()) {
        if a.name.as_deref() != Some("bits") {
            assert_eq!(a, b);
        }
    }
    assert_eq!(pd.cell_data, want.cell_data);
    assert_eq!(pd.point_data.active_all(), want.point_data.active_all());
}

#[test]
fn a4_table() {
    let want = b"# vtk DataFile Version 5.1\nvtk output\nBINARY\nDATASET TABLE\nFIELD FieldData 1\nmeta 1 1 int\n\x00\x00\x00\t\nROW_DATA 2\nFIELD FieldData 3\nid 1 2 int\n\x00\x00\x00\x01\x00\x00\x00\x02\nname 1 2 string\n\xc5alpha\xc0\nval 1 2 double\n?\xe0\x00\x00\x00\x00\x00\x00\x7f\xf8\x00\x00\x00\x00\x00\x00\n";
    let mut t = Table::default();
    t.field_data.add(arr::<i32>("meta", 1, vec![9]));
    t.row_data.add(arr::<i32>("id", 1, vec![1, 2]));
    t.row_data.add(DataArray::strings(Some("name"), vec!["alpha".into(), "".into()]));
    t.row_data.add(arr::<f64>("val", 1, vec![0.5, f64::NAN]));
    let obj = DataObject::Table(t);
    assert_bytes(&marshal(Some(&obj)).unwrap(), want);
    assert_eq!(unmarshal(want).unwrap().unwrap(), obj);
}

fn zeros(n: usize) -> Option<DataArray> {
    let mut a = arr::<f32>("", 3, vec![0.0; 3 * n]);
    a.name = None;
    Some(a)
}

#[test]
fn a4_tree() {
    let mut want = b"# vtk DataFile Version 5.1\nvtk output\nBINARY\nDATASET TREE\nPOINTS 4 float\n".to_vec();
    want.extend([0u8; 48]);
    want.extend(
        b"\nEDGES 3\n1 0\n2 0\n3 1\nVERTEX_DATA 4\nFIELD FieldData 1\nlabel 1 4 string\n\xc1r\xc1a\xc1b\xc1c\n",
    );
    let mut g = Graph::new(4, vec![[0, 1], [0, 2], [1, 3]]);
    g.points = zeros(4);
    g.vertex_data.add(DataArray::strings(Some("label"), ["r", "a", "b", "c"].map(String::from).to_vec()));
    let obj = DataObject::Tree(g);
    assert_bytes(&marshal(Some(&obj)).unwrap(), &want);
    assert_eq!(unmarshal(&want).unwrap().unwrap(), obj);
}

#[test]
fn a4_directed_graph() {
    let mut want = b"# vtk DataFile Version 5.1\nvtk output\nBINARY\nDATASET DIRECTED_GRAPH\nPOINTS 3 float\n".to_vec();
    want.extend([0u8; 36]);
    want.extend(b"\nVERTICES 3\nEDGES 3\n0 1\n1 2\n2 0\nEDGE_DATA 3\nFIELD FieldData 1\new 1 3 float\n?\x00\x00\x00?\xc0\x00\x00@ \x00\x00\nVERTEX_DATA 3\nFIELD FieldData 1\nvw 1 3 int\n\x00\x00\x00\n\x00\x00\x00\x14\x00\x00\x00\x1e\n");
    let mut g = Graph::new(3, vec![[0, 1], [1, 2], [2, 0]]);
    g.points = zeros(3);
    g.edge_data.add(arr::<f32>("ew", 1, vec![0.5, 1.5, 2.5]));
    g.vertex_data.add(arr::<i32>("vw", 1, vec![10, 20, 30]));
    let obj = DataObject::DirectedGraph(g);
    assert_bytes(&marshal(Some(&obj)).unwrap(), &want);
    assert_eq!(unmarshal(&want).unwrap().unwrap(), obj);
}

#[test]
fn a4_multiblock() {
    let want: &[u8] = b"# vtk DataFile Version 5.1\nvtk output\nBINARY\nDATASET MULTIBLOCK\nCHILDREN 3\nCHILD 0 [first block]\n# vtk DataFile Version 5.1\nvtk output\nBINARY\nDATASET POLYDATA\nPOINTS 1 float\n\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\nVERTICES 2 1\nOFFSETS vtktypeint64\n\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\nCONNECTIVITY vtktypeint64\n\x00\x00\x00\x00\x00\x00\x00\x00\nENDCHILD\nCHILD -1\nENDCHILD\nCHILD 13\n# vtk DataFile Version 5.1\nvtk output\nBINARY\nDATASET MULTIBLOCK\nCHILDREN 1\nCHILD 0\n# vtk DataFile Version 5.1\nvtk output\nBINARY\nDATASET POLYDATA\nPOINTS 0 float\nENDCHILD\nENDCHILD\nFIELD FieldData 1\nmbfield 1 1 int\n\x00\x00\x00\x05\n";
    let mut p1 = PolyData { points: zeros(1), ..PolyData::default() };
    p1.cells[0] = cells(vec![0, 1], vec![0]);
    let inner = MultiBlock {
        blocks: vec![Block { name: None, object: Some(Box::new(DataObject::PolyData(PolyData::default()))) }],
        field_data: Attributes::new(),
    };
    let mut mb = MultiBlock::default();
    mb.blocks.push(Block { name: Some("first block".into()), object: Some(Box::new(DataObject::PolyData(p1))) });
    mb.blocks.push(Block { name: None, object: None });
    mb.blocks.push(Block { name: None, object: Some(Box::new(DataObject::MultiBlock(inner))) });
    mb.field_data.add(arr::<i32>("mbfield", 1, vec![5]));
    let obj = DataObject::MultiBlock(mb);
    assert_bytes(&marshal(Some(&obj)).unwrap(), want);
    assert_eq!(unmarshal(want).unwrap().unwrap(), obj);
}

#[test]
fn a4_overlapping_amr() {
    let want = b()
        .t("# vtk DataFile Version 5.1\nvtk output\nBINARY\nDATASET OVERLAPPING_AMR\nGRID_DESCRIPTION 8\nORIGIN 0 0 0\nLEVELS 2\n1 1 1 1\n2 0.5 0.5 0.5\nAMRBOXES 3 6\n")
        .h("00000000 00000000 00000000 00000003 00000003 00000003 00000000 00000000 00000000 00000001 00000001 00000001 00000004 00000004 00000004 00000005 00000005 00000005")
        .t("\nCHILD 0 0\n# vtk DataFile Version 5.1\nvtk output\nBINARY\nDATASET STRUCTURED_POINTS\nDIMENSIONS 5 5 5\nSPACING 1 1 1\nORIGIN 0 0 0\nENDCHILD\nCHILD 1 0\n# vtk DataFile Version 5.1\nvtk output\nBINARY\nDATASET STRUCTURED_POINTS\nDIMENSIONS 3 3 3\nSPACING 0.5 0.5 0.5\nORIGIN 0 0 0\nENDCHILD\n")
        .0;
    let mut amr = Amr::new([0.0; 3], 8);
    amr.levels.push(AmrLevel {
        spacing: [1.0; 3],
        refinement_ratio: 2,
        blocks: vec![AmrBlock {
            bbox: [0, 0, 0, 3, 3, 3],
            grid: Some(ImageData::new([0, 4, 0, 4, 0, 4], [0.0; 3], [1.0; 3])),
        }],
    });
    amr.levels.push(AmrLevel {
        spacing: [0.5; 3],
        refinement_ratio: 2,
        blocks: vec![
            AmrBlock { bbox: [0, 0, 0, 1, 1, 1], grid: Some(ImageData::new([0, 2, 0, 2, 0, 2], [0.0; 3], [0.5; 3])) },
            AmrBlock { bbox: [4, 4, 4, 5, 5, 5], grid: None },
        ],
    });
    let obj = DataObject::OverlappingAmr(amr);
    assert_bytes(&marshal(Some(&obj)).unwrap(), &want);
    assert_eq!(unmarshal(&want).unwrap().unwrap(), obj);
}

#[test]
fn a4_empty_polydata_is_ascii() {
    let want = b"# vtk DataFile Version 5.1\nvtk output\nASCII\nDATASET POLYDATA\nFIELD FieldData 1\ntime%20value 1 1 float\n1.5 \nPOINTS 0 float\n";
    let mut pd = PolyData::default();
    pd.field_data.add(arr::<f32>("time value", 1, vec![1.5]));
    let obj = DataObject::PolyData(pd);
    assert_bytes(&marshal(Some(&obj)).unwrap(), want);
    assert_eq!(unmarshal(want).unwrap().unwrap(), obj);
}

#[test]
fn a4_ascii_number_formatting() {
    let mut pd = PolyData::default();
    pd.field_data.add(arr::<f64>("d", 1, vec![0.5, 1e-20, 12345678902.0, 2.0]));
    pd.field_data.add(arr::<i32>("i", 1, (0..12).collect()));
    let bits = Bits::from_bools(&[false, true, false, true, false, true, false, true, false, true]);
    pd.field_data.add(DataArray::new(Some("b"), 1, ArrayData::Bit(bits)).unwrap());
    pd.field_data.add(DataArray::strings(Some("s"), vec!["a b".into(), "".into(), "%x".into()]));
    let obj = DataObject::PolyData(pd);
    let got = marshal(Some(&obj)).unwrap();
    let text = String::from_utf8(got.clone()).unwrap();
    assert!(text.contains("d 1 4 double\n0.5 1e-20 12345678902 2 \n"), "{text}");
    assert!(text.contains("i 1 12 int\n0 1 2 3 4 5 6 7 8 \n9 10 11 \n"), "{text}");
    assert!(text.contains("b 1 10 bit\n0 1 0 1 0 1 0 1\n0 1 \n"), "{text}");
    assert!(text.contains("s 1 3 string\na%20b\n\n%25x\n\n"), "{text}");
    assert_eq!(unmarshal(&got).unwrap().unwrap(), obj);
    // VTK's own sample, with 11-digit doubles and a NaN, reads.
    let vtk = b"# vtk DataFile Version 5.1\nvtk output\nASCII\nDATASET POLYDATA\nFIELD FieldData 4\nd 1 5 double\n0.33333333333 1e-20 12345678902 nan 2 \ni 1 12 int\n0 1 2 3 4 5 6 7 8 \n9 10 11 \nb 1 10 bit\n0 1 0 1 0 1 0 1\n0 1 \ns 1 3 string\na%20b\n\n%25x\n\nPOINTS 0 float\n";
    let DataObject::PolyData(pd) = unmarshal(vtk).unwrap().unwrap() else { panic!() };
    let d = pd.field_data.by_name("d").unwrap();
    assert_eq!(d.data().value_f64(0), Some(0.33333333333));
    assert!(d.data().value_f64(3).unwrap().is_nan());
    let ArrayData::String(s) = pd.field_data.by_name("s").unwrap().data() else { panic!() };
    assert_eq!(s, &["a b", "", "%x"]);
}

#[test]
fn a4_nonfinite_empty_dataset_switches_to_binary() {
    let mut pd = PolyData::default();
    pd.field_data.add(arr::<f64>("d", 1, vec![f64::from_bits(0x7ff8_0000_dead_beef), f64::NEG_INFINITY]));
    let obj = DataObject::PolyData(pd);
    let got = marshal(Some(&obj)).unwrap();
    assert!(got.starts_with(b"# vtk DataFile Version 5.1\nvtk output\nBINARY\n"));
    assert_eq!(unmarshal(&got).unwrap().unwrap(), obj);
}

#[test]
fn a4_polyhedron() {
    let ug = UnstructuredGrid {
        points: zeros(4),
        cells: cells(vec![0, 17], vec![4, 3, 0, 1, 2, 3, 0, 1, 3, 3, 1, 2, 3, 3, 0, 2, 3]),
        cell_types: vec![42],
        ..UnstructuredGrid::default()
    };
    let obj = DataObject::UnstructuredGrid(ug);
    let got = marshal(Some(&obj)).unwrap();
    let conn: Vec<u8> =
        [4i64, 3, 0, 1, 2, 3, 0, 1, 3, 3, 1, 2, 3, 3, 0, 2, 3].iter().flat_map(|v| v.to_be_bytes()).collect();
    let want = b()
        .t("CELLS 2 17\nOFFSETS vtktypeint64\n")
        .h("0000000000000000 0000000000000011")
        .t("\nCONNECTIVITY vtktypeint64\n")
        .r(&conn)
        .t("\nCELL_TYPES 1\n")
        .h("0000002a")
        .t("\n")
        .0;
    assert!(got.ends_with(&want));
    assert_eq!(unmarshal(&got).unwrap().unwrap(), obj);
}

#[test]
fn a4_legacy_42_cells() {
    let bytes = b()
        .t("# vtk DataFile Version 4.2\nvtk output\nBINARY\nDATASET POLYDATA\nPOINTS 3 float\n")
        .h("00000000 00000000 00000000 3f800000 00000000 00000000 00000000 3f800000 00000000")
        .t("\nPOLYGONS 1 4\n")
        .h("00000003 00000000 00000001 00000002")
        .t("\n")
        .0;
    assert_eq!(read_file_bytes(&bytes).unwrap(), triangle());
    let ascii = b"# vtk DataFile Version 2.0\ntitle\nASCII\ndataset polydata\npoints 3 float\n0 0 0 1 0 0 0 1 0\npolygons 1 4\n3 0 1 2";
    assert_eq!(read_file_bytes(ascii).unwrap(), triangle());
}

#[test]
fn files_ascii_and_binary_round_trip() {
    for obj in [triangle(), a3_object(true), a2_image([0.5, 1.0 / 3.0, -2.0], [0.1, 0.2, 1.23456789])] {
        for binary in [true, false] {
            let bytes = write_file_bytes(&obj, binary).unwrap();
            assert!(!bytes.starts_with(b"EXTENT"));
            assert_eq!(read_file_bytes(&bytes).unwrap(), obj, "binary={binary}\n{}", show(&bytes));
        }
    }
}

#[test]
fn null_is_empty() {
    assert!(marshal(None).unwrap().is_empty());
    assert!(unmarshal(b"").unwrap().is_none());
    let mut buf = [0u8; 10];
    assert_eq!(
        vtkwire::legacy::marshal_into(Some(&triangle()), &mut buf).unwrap_err().status,
        vtkwire::Status::OutOfRange
    );
    assert_eq!(buf, [0u8; 10]);
}
