//! Bit-exact comparison of data objects.
//!
//! `DataObject: PartialEq` already compares array buffers by their bytes, but the plain `f64`
//! fields (origins, spacings, direction matrices, AMR origins and spacings, information values)
//! compare as numbers: NaN differs from itself and `-0.0` equals `0.0`. Here every such field is
//! taken out and compared by its bits; the rest is compared with `PartialEq`.

use vtkwire::model::{
    Amr, ArrayData, Association, Attributes, DataArray, DataObject, ImageData, InfoValue, PolyData, UnstructuredGrid,
};

/// Calls `fl` on every plain f64 field and `ar` on every array of `obj` (nested objects too).
fn walk(obj: &mut DataObject, fl: &mut dyn FnMut(&mut f64), ar: &mut dyn FnMut(&mut DataArray)) {
    fn attrs(a: &mut Attributes, ar: &mut dyn FnMut(&mut DataArray)) {
        for i in 0..a.len() {
            if let Some(x) = a.get_mut(i) {
                ar(x);
            }
        }
    }
    fn image(i: &mut ImageData, fl: &mut dyn FnMut(&mut f64), ar: &mut dyn FnMut(&mut DataArray)) {
        i.origin.iter_mut().chain(&mut i.spacing).chain(&mut i.direction).for_each(&mut *fl);
        attrs(&mut i.point_data, ar);
        attrs(&mut i.cell_data, ar);
        attrs(&mut i.field_data, ar);
    }
    fn amr(a: &mut Amr, fl: &mut dyn FnMut(&mut f64), ar: &mut dyn FnMut(&mut DataArray)) {
        a.origin.iter_mut().for_each(&mut *fl);
        for level in &mut a.levels {
            level.spacing.iter_mut().for_each(&mut *fl);
            for b in &mut level.blocks {
                if let Some(g) = &mut b.grid {
                    image(g, fl, ar);
                }
            }
        }
        attrs(&mut a.field_data, ar);
    }
    match obj {
        DataObject::ImageData(i) | DataObject::StructuredPoints(i) => return image(i, fl, ar),
        DataObject::OverlappingAmr(a) => return amr(a, fl, ar),
        DataObject::MultiBlock(m) => {
            for b in &mut m.blocks {
                if let Some(o) = &mut b.object {
                    walk(o, fl, ar);
                }
            }
        }
        DataObject::RectilinearGrid(r) => {
            for c in r.coordinates.iter_mut().flatten() {
                ar(c);
            }
        }
        _ => {}
    }
    if let Some(Some(p)) = obj.points_slot() {
        ar(p);
    }
    for assoc in Association::ALL {
        if let Some(a) = obj.attributes_mut(assoc) {
            attrs(a, ar);
        }
    }
}

/// Information values are plain floats too.
fn info_floats(a: &mut DataArray, fl: &mut dyn FnMut(&mut f64)) {
    for e in &mut a.info {
        match &mut e.value {
            InfoValue::Double(x) => fl(x),
            InfoValue::DoubleVector(v) => v.iter_mut().for_each(&mut *fl),
            _ => {}
        }
    }
}

/// Takes every plain float out of `obj` (replaced by 0.0); returns their bits in walk order.
fn take_floats(obj: &mut DataObject, canonical_nan: bool) -> Vec<u64> {
    let bits = std::cell::RefCell::new(Vec::new());
    let mut fl = |x: &mut f64| {
        let v = if canonical_nan && x.is_nan() { f64::NAN } else { *x };
        bits.borrow_mut().push(v.to_bits());
        *x = 0.0;
    };
    let mut ar = |a: &mut DataArray| {
        info_floats(a, &mut |x: &mut f64| {
            let v = if canonical_nan && x.is_nan() { f64::NAN } else { *x };
            bits.borrow_mut().push(v.to_bits());
            *x = 0.0;
        });
        if canonical_nan {
            // (Checked first: as_mut_slice copies a borrowed buffer.)
            match a.data_mut() {
                ArrayData::Float(b) if b.as_slice().iter().any(|v| v.is_nan()) => {
                    b.as_mut_slice().iter_mut().filter(|v| v.is_nan()).for_each(|v| *v = f32::NAN);
                }
                ArrayData::Double(b) if b.as_slice().iter().any(|v| v.is_nan()) => {
                    b.as_mut_slice().iter_mut().filter(|v| v.is_nan()).for_each(|v| *v = f64::NAN);
                }
                _ => {}
            }
        }
    };
    walk(obj, &mut fl, &mut ar);
    bits.into_inner()
}

fn compare(a: &DataObject, b: &DataObject, canonical_nan: bool) -> Result<(), String> {
    let (mut a, mut b) = (a.clone(), b.clone());
    let (fa, fb) = (take_floats(&mut a, canonical_nan), take_floats(&mut b, canonical_nan));
    if a != b {
        return Err(first_difference(&a, &b));
    }
    if fa != fb {
        let i = fa.iter().zip(&fb).position(|(x, y)| x != y).unwrap_or(fa.len().min(fb.len()));
        return Err(format!(
            "plain float #{i} differs: {:?} vs {:?} (bits {:x?} vs {:x?})",
            fa.get(i).map(|x| f64::from_bits(*x)),
            fb.get(i).map(|x| f64::from_bits(*x)),
            fa.get(i),
            fb.get(i)
        ));
    }
    Ok(())
}

/// Bit-exact equality.
pub fn same(a: &DataObject, b: &DataObject) -> Result<(), String> {
    compare(a, b, false)
}

/// Bit-exact except that all NaNs are one (ASCII text does not carry NaN payloads).
pub fn same_nan_agnostic(a: &DataObject, b: &DataObject) -> Result<(), String> {
    compare(a, b, true)
}

/// A short description of where two unequal objects differ (for the crash report).
fn first_difference(a: &DataObject, b: &DataObject) -> String {
    if a.type_code() != b.type_code() {
        return format!("type {} vs {}", a.class_name(), b.class_name());
    }
    for assoc in Association::ALL {
        if let (Some(x), Some(y)) = (a.attributes(assoc), b.attributes(assoc))
            && x != y
        {
            if x.len() != y.len() {
                return format!("{}: {} arrays vs {}", assoc.name(), x.len(), y.len());
            }
            if x.active_all() != y.active_all() {
                return format!("{}: roles {:?} vs {:?}", assoc.name(), x.active_all(), y.active_all());
            }
            for (i, (p, q)) in x.arrays().iter().zip(y.arrays()).enumerate() {
                if p != q {
                    return format!("{} array {i}: {p:?} vs {q:?}", assoc.name());
                }
            }
        }
    }
    if a.points() != b.points() {
        return format!("points {:?} vs {:?}", a.points(), b.points());
    }
    match (a, b) {
        (DataObject::PolyData(PolyData { cells: x, .. }), DataObject::PolyData(PolyData { cells: y, .. }))
            if x != y =>
        {
            format!("poly cells {x:?} vs {y:?}")
        }
        (
            DataObject::UnstructuredGrid(UnstructuredGrid { cells: x, cell_types: tx, .. }),
            DataObject::UnstructuredGrid(UnstructuredGrid { cells: y, cell_types: ty, .. }),
        ) if x != y || tx != ty => format!("cells {x:?} {tx:?} vs {y:?} {ty:?}"),
        (DataObject::MultiBlock(x), DataObject::MultiBlock(y)) => {
            if x.blocks.len() != y.blocks.len() {
                return format!("{} blocks vs {}", x.blocks.len(), y.blocks.len());
            }
            for (i, (p, q)) in x.blocks.iter().zip(&y.blocks).enumerate() {
                if p.name != q.name {
                    return format!("block {i} name {:?} vs {:?}", p.name, q.name);
                }
                match (&p.object, &q.object) {
                    (Some(p), Some(q)) if p != q => return format!("block {i}: {}", first_difference(p, q)),
                    (Some(_), None) | (None, Some(_)) => return format!("block {i}: null on one side only"),
                    _ => {}
                }
            }
            "multiblock differs".to_owned()
        }
        _ => "objects differ (see the dumps)".to_owned(),
    }
}
