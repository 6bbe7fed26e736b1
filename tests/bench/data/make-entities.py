#!/usr/bin/env python3
"""make-entities.py: writes entities-response.json, the reviews subgraph's
answer to an _entities fetch for all nine products (reviews with their
authors), as the gateway would receive it. Input: the benchmark's data.json
(argument; default /work/shared/bench/data.json)."""
import json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
src = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/bench/data.json'
data = json.load(open(src))
users = {u['id']: u for u in data['users']}
entities = []
for p in data['products']:
    reviews = [r for r in data['reviews'] if r['product'] == p['upc']]
    entities.append({
        '__typename': 'Product',
        'reviews': [{
            'id': r['id'],
            'body': r['body'],
            'author': {'__typename': 'User', 'id': r['author'],
                       'username': users[r['author']]['username']},
        } for r in reviews],
    })
with open(os.path.join(here, 'entities-response.json'), 'w') as f:
    json.dump({'data': {'_entities': entities}}, f, separators=(',', ':'))
