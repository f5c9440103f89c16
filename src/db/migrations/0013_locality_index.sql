-- Routing by address: find the units whose named localities the address contains, by
-- index. Asking each of 500,000 service areas whether the address contains one of its
-- localities read them all for every case (10 cases/s in bench:cases); instead the
-- application lists the address's phrases (runs of up to six whole words) and asks
-- which localities equal one of them.
create index unit_service_areas_localities on unit_service_areas using gin (localities);
