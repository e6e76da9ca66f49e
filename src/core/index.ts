/**
 * The public entry of the travel-time core: pure, framework-free, runs in Node and in a Web
 * Worker. Every time follows road-network.md with the `emergency-default` profile unless told.
 */
export { CoreError, AbortError, throwIfAborted, type CoreErrorCode } from './errors';
export { previewValue } from './preview-value';
export { haversineMeters, EARTH_RADIUS_METERS } from './geo/haversine';
export { pointInArea } from './geo/point-in-area';
export { createLocalProjection, projectX, projectY, unprojectLng, unprojectLat, type LocalProjection } from './geo/local-projection';

export type { RawRoads, RawWay } from './import/raw-roads';
export { parseOsmPbf } from './import/parse-osm-pbf';
export { parseOsmXml } from './import/parse-osm-xml';
export { parseGeoJsonRoads } from './import/parse-geojson-roads';
export { parseRoads, detectRoadFormat, type RoadFormat } from './import/parse-roads';

export { EMERGENCY_DEFAULT_PROFILE, WALKING_PROFILE, getSpeedProfile, wayDirection, kmhToMetersPerSecond, type SpeedProfile } from './graph/speed-profile';
export { buildRoadGraph } from './graph/build-road-graph';
export { graphTransferables, edgeCoordinates, type RoadGraph, type ArcTable } from './graph/road-graph';
export { serializeRoadGraph, deserializeRoadGraph, isRoadGraphBinary, roadGraphBytes } from './graph/graph-binary';
export { closedEdgesFromBarriers, closedEdgesPerBarrier, type Barriers } from './graph/closed-edges';
export { barrierPolygonsFromGeoJson, checkBarrierPolygon, MAX_BARRIER_POSITIONS } from './graph/barrier-input';

export { buildSegmentIndex, type SegmentIndex } from './spatial/segment-index';
export { snapToGraph, type Snap, type SnapCandidate, type SnapOptions } from './spatial/snap-to-graph';
export { buildPointIndex, nearestByStraightLine, type PointIndex } from './spatial/point-index';

export { TravelTimeExpander, type Seed, type ExpandOptions, type TravelDirection } from './routing/travel-time-expander';
export { createRoadNetwork, roadNetworkFromRaw, roadNetworkBytes, snapPoint, type RoadNetwork } from './routing/road-network';
export { seedsForSnap, secondsAlongEdge, offRoadSeconds } from './routing/snap-seeds';
export { timeToPlace, edgeSourcesOf, type EdgeSource } from './routing/time-at-snap';
export { tracePath, pathCoordinates } from './routing/trace-path';
export {
  findNearestByTravelTime, snapResources,
  type NearestAnswer, type NearestOptions, type NearestResult, type SnappedResource,
} from './routing/find-nearest-by-travel-time';
export { findNearestWithinBudgets, DEFAULT_NEAREST_BUDGETS_SECONDS, type BoundedNearestAnswer } from './routing/nearest-within-budgets';

export { computeIsochrones, travelTimeGridOf, type IsochroneAnswer, type IsochroneSource, type IsochroneProperties } from './isochrone/compute-isochrone';
export { DEFAULT_TRAVEL_AREA_OPTIONS, type TravelAreaOptions } from './isochrone/isochrone-options';
export { contourGrid, contourField, ringSignedArea } from './isochrone/contour-grid';
export type { GridFrame } from './isochrone/grid-frame';
export type { TravelTimeGrid } from './isochrone/travel-time-grid';
export { computeCoverage, type CoverageAnswer, type CoverageOptions } from './coverage/compute-coverage';

export { bestTimesToPlaces, travelTimeMatrix, snapAll, type PlanningPoint, type PlaceTimes, type TravelOptions } from './planning/place-times';
export { rollUpCoverage, type PopulatedPlace, type PlaceCoverage, type GroupCoverage, type CoverageRollUp } from './planning/coverage-rollup';
export { coverageGaps, type CoverageGaps } from './planning/coverage-gaps';
export { colorCatchments, type CatchmentColoring } from './planning/catchment-colors';
export { LinearModelBuilder, type LinearModel, type LinearSolution, type LinearSolver, type SolveOptions, type SolveStatus } from './planning/linear-model';
export { highsLinearSolver } from './planning/highs-solver';
export {
  greedyMaxCovering, exactMaxCovering, coverSetsFromMatrix,
  type CoveringProblem, type CoveringPick, type CoveringSolution,
} from './planning/max-covering';
export {
  nearestShelterAssignment, capacityAwareAssignment,
  type AssignmentProblem, type AssignmentFlow, type VillageAssignment, type Assignment,
} from './planning/shelter-assignment';
export { greedyShelterSiting, exactShelterSiting, mostPlaced, type SitingProblem, type SitingPick, type SitingSolution } from './planning/shelter-siting';
export { FlowNetwork } from './planning/max-flow';
export * from './typhoon';
