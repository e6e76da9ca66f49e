export * from './track';
export { initialBearingDegrees, destinationPoint } from './geodesy';
export {
  MAX_RADIUS_GAP_MS, quadrantOfBearing, hourlyTimesMs, centreAt, radiusFixes, radiiAt, isInsideCircle,
  stormStates, windCircleTimes, placesInside,
  type Quadrant, type FullRadii, type StormState, type PlaceWindTimes,
} from './wind-circles';
export { windCircleRing } from './wind-circle-polygon';
export {
  DEFAULT_MARGIN_MINUTES, shelterTravelTimes, mustLeaveByMs, leaveByRows,
  type EvacuationPlace, type ShelterChoice, type LeaveByRow,
} from './must-leave-by';
