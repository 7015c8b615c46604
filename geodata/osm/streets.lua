-- Tag processing for a deployment's own OSM extract (tilemaker 2.2 API): a small street-level
-- layer set drawn under the plan layers. Written for this project (not the OpenMapTiles profile,
-- which carries far more than a site officer needs); see geodata/build/osm.ts.

node_keys = { "place" }

local PLACE_MINZOOM = { city = 8, town = 10, suburb = 11, village = 12, neighbourhood = 13, quarter = 12, hamlet = 13 }

local ROAD_CLASS = {
  motorway = "motorway", motorway_link = "motorway", trunk = "trunk", trunk_link = "trunk",
  primary = "primary", primary_link = "primary", secondary = "secondary", secondary_link = "secondary",
  tertiary = "tertiary", tertiary_link = "tertiary", residential = "minor", unclassified = "minor",
  living_street = "minor", service = "service",
}
local ROAD_MINZOOM = { motorway = 10, trunk = 10, primary = 11, secondary = 12, tertiary = 12, minor = 13, service = 14 }

local LANDUSE = { industrial = "industrial", commercial = "commercial", retail = "commercial", residential = "residential",
  farmland = "farmland", forest = "green", grass = "green", meadow = "green", recreation_ground = "green" }

function init_function() end
function exit_function() end

function node_function(node)
  local place = node:Find("place")
  local minzoom = PLACE_MINZOOM[place]
  local name = node:Find("name")
  if minzoom and name ~= "" then
    node:Layer("places", false)
    node:MinZoom(minzoom)
    node:Attribute("class", place)
    node:Attribute("name", name)
    local en = node:Find("name:en")
    if en ~= "" then node:Attribute("name_en", en) end
  end
end

function way_function(way)
  local highway = way:Find("highway")
  local class = ROAD_CLASS[highway]
  if class then
    way:Layer("streets", false)
    way:MinZoom(ROAD_MINZOOM[class])
    way:Attribute("class", class)
    local name = way:Find("name")
    if name ~= "" then way:Attribute("name", name) end
    local en = way:Find("name:en")
    if en ~= "" then way:Attribute("name_en", en) end
    return
  end
  local natural = way:Find("natural")
  local waterway = way:Find("waterway")
  if natural == "water" or waterway == "riverbank" or way:Find("water") ~= "" then
    if way:IsClosed() then
      way:Layer("water", true)
      way:Attribute("class", "water")
      return
    end
  end
  if waterway == "river" or waterway == "canal" or waterway == "stream" then
    way:Layer("waterways", false)
    way:MinZoom(waterway == "stream" and 13 or 10)
    way:Attribute("class", waterway)
    local name = way:Find("name")
    if name ~= "" then way:Attribute("name", name) end
    return
  end
  local landuse = LANDUSE[way:Find("landuse")] or (way:Find("leisure") == "park" and "green") or nil
  if landuse and way:IsClosed() then
    way:Layer("landuse", true)
    way:MinZoom(11)
    way:Attribute("class", landuse)
  end
end
