import { describe, expect, it } from 'vitest';
import { extractPlace } from './extract';
import { boundariesFromFeatureCollection, distanceKm, pointInGeometry, type BoundaryGeometry, type RegionBoundary } from './geo';
import { FY, fuyangGazetteer } from './testFixtures';

/** An axis-aligned square ring [lng, lat] with its corners at (x0, y0) and (x1, y1). */
const square = (x0: number, y0: number, x1: number, y1: number): number[][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

describe('pointInGeometry', () => {
  const withHole: BoundaryGeometry = { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] };

  it.each([
    [{ lng: 1, lat: 1 }, true],
    [{ lng: 5, lat: 5 }, false], // in the hole
    [{ lng: 11, lat: 5 }, false],
    [{ lng: 9.9, lat: 4.5 }, true],
  ])('polygon with a hole: %o → %s', (p, inside) => {
    expect(pointInGeometry({ lat: p.lat, lng: p.lng }, withHole)).toBe(inside);
  });

  it('finds a point in any part of a MultiPolygon', () => {
    const multi: BoundaryGeometry = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1, 1)], [square(5, 5, 6, 6)]] };
    expect(pointInGeometry({ lng: 5.5, lat: 5.5 }, multi)).toBe(true);
    expect(pointInGeometry({ lng: 3, lat: 3 }, multi)).toBe(false);
  });

  it('reads boundaries from a FeatureCollection by a code property, skipping features without one', () => {
    const fc = {
      features: [
        { properties: { code: FY.yingzhou }, geometry: { type: 'Polygon', coordinates: [square(0, 0, 1, 1)] } },
        { properties: {}, geometry: { type: 'Polygon', coordinates: [square(0, 0, 1, 1)] } },
        { properties: { code: 'x' }, geometry: { type: 'Point', coordinates: [0, 0] } },
      ],
    };
    expect(boundariesFromFeatureCollection(fc).map((b) => b.regionCode)).toEqual([FY.yingzhou]);
  });

  it('measures great-circle distance', () => {
    expect(distanceKm({ lat: 32.883, lng: 115.806 }, { lat: 32.883, lng: 115.806 })).toBe(0);
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111.2, 0);
  });
});

describe('extractPlace with a device position', () => {
  // A made-up layout: 颍州区 is a square with a hole that belongs to 颍东区; 文峰街道 is inside 颍州区.
  const boundaries: RegionBoundary[] = [
    { regionCode: FY.yingzhou, geometry: { type: 'Polygon', coordinates: [square(115.7, 32.8, 115.9, 33.0), square(115.85, 32.95, 115.88, 32.98)] } },
    { regionCode: FY.yingdong, geometry: { type: 'MultiPolygon', coordinates: [[square(115.9, 32.8, 116.1, 33.0)], [square(115.85, 32.95, 115.88, 32.98)]] } },
    { regionCode: FY.wenfeng, geometry: { type: 'Polygon', coordinates: [square(115.75, 32.85, 115.8, 32.9)] } },
  ];
  const withBoundaries = fuyangGazetteer({ boundaries });
  const seatsOnly = fuyangGazetteer();

  it('places a silent text by the deepest boundary containing the point', () => {
    const r = extractPlace(withBoundaries, '路灯坏了', { point: { lat: 32.87, lng: 115.77 } });
    expect(r).toMatchObject({ regionCode: FY.wenfeng, level: 'town', source: 'point' });
    expect(r.why).toContain('定位坐标位于颍州区文峰街道（按边界数据）');
  });

  it('respects holes: a point in the hole of 颍州区 is in 颍东区', () => {
    expect(extractPlace(withBoundaries, '路灯坏了', { point: { lat: 32.96, lng: 115.86 } }).countyCode).toBe(FY.yingdong);
  });

  it('treats a point outside every boundary as outside the city', () => {
    const r = extractPlace(withBoundaries, '路灯坏了', { point: { lat: 31.8, lng: 117.2 } });
    expect(r.level).toBe('city');
    expect(r.why).toContain('定位坐标在本市范围以外');
  });

  it('lets the text win when it names another county, and says why', () => {
    const r = extractPlace(withBoundaries, '颍东区河东街道的路灯坏了', { point: { lat: 32.87, lng: 115.77 } });
    expect(r.townCode).toBe(FY.hedong);
    expect(r.source).toBe('text');
    expect(r.why.join('；')).toContain('以文中为准（定位是反映人所在位置，未必是问题发生地）');
  });

  it('lets the point win for on-site reports', () => {
    const r = extractPlace(withBoundaries, '颍东区的路灯坏了', { point: { lat: 32.87, lng: 115.77 }, pointIsSite: true });
    expect(r.townCode).toBe(FY.wenfeng);
  });

  it('refines a county-level text result to the town the point lies in when they agree', () => {
    expect(extractPlace(withBoundaries, '颍州区的路灯坏了', { point: { lat: 32.87, lng: 115.77 } }).townCode).toBe(FY.wenfeng);
  });

  it('falls back to the nearest approximate county seat without boundaries', () => {
    const r = extractPlace(seatsOnly, '路灯坏了', { point: { lat: 32.64, lng: 116.25 } });
    expect(r).toMatchObject({ countyCode: FY.yingshang, level: 'county', source: 'point' });
    expect(r.why[1]).toMatch(/距颍上县驻地约 1\.\d 公里（按近似县城坐标推断，建议导入边界数据）/);
  });

  it('leaves a point far from every seat, or between two close seats, undecided', () => {
    expect(extractPlace(seatsOnly, '路灯坏了', { point: { lat: 31.82, lng: 117.23 } }).level).toBe('city'); // 合肥
    const between = extractPlace(seatsOnly, '路灯坏了', { point: { lat: 32.904, lng: 115.806 } });
    expect(between.level).toBe('city');
    expect(between.why).toContain('定位坐标在几个县区驻地之间，无法判断属于哪一个');
  });

  it('ignores an impossible position', () => {
    expect(extractPlace(seatsOnly, '路灯坏了', { point: { lat: 123, lng: 0 } }).why).toContain('定位坐标无效，未使用');
  });
});
