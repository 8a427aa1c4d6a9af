-- talent_pools: people active in every category of a pool within the trailing year
-- (pairs of categories, three or more categories, the editor's named pools), per
-- quarter. Counts only, pools of fewer than 3 people already left out by the metric.
SELECT *
FROM talent_pools
WHERE quarter IN (SELECT quarter FROM publish_window)
ORDER BY quarter, pool_type, pool_id
