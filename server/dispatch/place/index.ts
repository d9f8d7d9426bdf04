// Place extraction for smart dispatch (地点识别): the public surface of this folder.
export { buildGazetteer, type Gazetteer, type GazetteerInput, type RegionRow, type PlaceRow, type PlaceKind, type OutsideName, type RegionInfo } from './gazetteer';
export { extractPlace, type ExtractOptions, type PlaceResult, type PlaceLevel } from './extract';
export { learnPlaces, type LearnedPlace, type LearnOptions, type PlaceHistoryItem } from './learn';
export { boundariesFromFeatureCollection, distanceKm, pointInGeometry, type BoundaryGeometry, type CountySeat, type LatLng, type RegionBoundary } from './geo';
export { APPROXIMATE_COUNTY_SEATS } from './seats';
export { COMMON_WORDS } from './aliases';
