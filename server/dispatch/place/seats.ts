// Approximate county-seat coordinates, the fallback for placing a device position when a city has
// loaded no boundaries. They are APPROXIMATE (the seat towns' centres read off a map to about
// ±1 km, WGS-84) and a seat is a poor proxy for a county's shape: admins should load the real
// boundaries (GeoJSON per region code), which then replace this guess entirely.
// Kept as data keyed by city code, so another city adds its seats here or passes its own.
import type { CountySeat } from './geo';

/** 阜阳市 (341200): the eight county-level seats; radii roughly cover each county's extent. */
const FUYANG_341200: CountySeat[] = [
  { regionCode: '341202', lat: 32.883, lng: 115.806, radiusKm: 22 }, // 颍州区 (鼓楼街道)
  { regionCode: '341203', lat: 32.912, lng: 115.857, radiusKm: 30 }, // 颍东区 (河东街道)
  { regionCode: '341204', lat: 32.925, lng: 115.805, radiusKm: 22 }, // 颍泉区 (中市街道)
  { regionCode: '341221', lat: 33.04, lng: 115.262, radiusKm: 40 }, // 临泉县 (城关街道)
  { regionCode: '341222', lat: 33.16, lng: 115.622, radiusKm: 35 }, // 太和县 (城关镇)
  { regionCode: '341225', lat: 32.638, lng: 115.595, radiusKm: 38 }, // 阜南县 (鹿城镇)
  { regionCode: '341226', lat: 32.629, lng: 116.265, radiusKm: 40 }, // 颍上县 (慎城镇)
  { regionCode: '341282', lat: 33.257, lng: 115.374, radiusKm: 25 }, // 界首市 (东城街道)
];

/** Shipped approximate seats by city code. */
export const APPROXIMATE_COUNTY_SEATS: Readonly<Record<string, readonly CountySeat[]>> = {
  '341200': FUYANG_341200,
};
