/** English texts of the area step of the public form and the service-area screen (issue 14, item 6): spread into en.ts. */
export const enAreas = {
  areas: {
    // The public form's area step.
    stepHeading: 'Which area are you in?',
    unmatched: 'We could not tell from the address which local unit serves you. Pick your area, so the report goes straight to the people near you.',
    noAddress: 'Without an address we cannot tell which local unit serves you. Pick your area, so the report goes straight to the people near you.',
    searchLabel: 'Search your area by name', searchHint: 'At least 2 letters: a village, a neighbourhood, a district…',
    browseHeading: 'Or go down from the top', top: 'Top', within: 'Within {{name}}', noResults: 'No area of that name.',
    choose: 'Choose', chooseOf: 'Choose {{name}}', openBelow: 'Areas in {{name}}', up: 'Back up to {{name}}', backToTop: 'Back to the top',
    picked: 'Your area: {{name}}', pickedPath: 'in {{path}}', change: 'Change the area',
    mapHeading: 'Or mark the place on a map', showMap: 'Show the map', hideMap: 'Hide the map',
    mapHint: 'Tap the map where the difficulty is. Without map pictures the map is blank, but the point still counts.',
    useLocation: 'Use my location', locating: 'Finding your location…', locationFailed: 'Your location could not be found: {{reason}}',
    pointIn: 'That place lies in {{name}}.', pointNowhere: 'No local unit serves that place; search for your area by name instead.',
    point: 'Marked point: {{lat}}, {{long}}', sendWithout: 'I do not know my area — send it anyway',
    sendWithoutHint: 'It then waits for someone at the top to find the right unit, which takes longer.',
    pickFirst: 'Pick your area, or choose to send it without one.',
    // The officials' screen.
    link: 'Service area', title: 'Service area', titleOf: 'Service area of {{unit}}',
    explain: 'Reports from residents go to the smallest unit whose outline holds the place, or whose locality the address names.',
    readOnly: 'Only the level above (or an administrator) changes this unit\'s service area.',
    outline: 'Outline on the map', noOutline: 'No outline yet.', outlineSummary_one: 'An outline of {{count}} part, {{points}} points.',
    outlineSummary_other: 'An outline of {{count}} parts, {{points}} points.',
    draw: 'Draw a new outline', drawHint: 'Tap the map at each corner, in order; then finish. {{count}} points so far.',
    undoPoint: 'Undo the last point', finish: 'Finish the outline', cancelDrawing: 'Cancel drawing',
    upload: 'Upload GeoJSON', uploadHint: 'A Polygon or MultiPolygon, or a Feature or FeatureCollection of them, in longitude/latitude.',
    badFile: 'This file holds no usable outline: {{reason}}', removeOutline: 'Remove the outline', saveOutline: 'Save the outline',
    unsaved: 'The outline has unsaved changes.', saved: 'Saved.', lastSaved: 'Last changed {{date}}',
    localities: 'Localities', localitiesHint: 'Place names an address may mention (a village, a street, a neighbourhood). Case does not matter.',
    noLocalities: 'No localities yet.', addLocality: 'Add a locality', add: 'Add', remove: 'Remove', removeOf: 'Remove {{name}}',
    mapLabel: 'Map', noTiles: 'No map pictures are configured: the outline and the points are drawn on a blank background.',
  },
};

/** Server error codes of the area step, spread into `errors` of en.ts. */
