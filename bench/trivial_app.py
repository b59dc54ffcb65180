"""The trivial endpoint of the sync benchmarks: reads the body, answers a tiny document.

    .venv/bin/python bench/trivial_app.py --port P

Served by uvicorn with the same log level as ``kim-hub serve``, so a benchmark can subtract the
cost of HTTP + uvicorn + FastAPI from the hub's. Routes: ``POST /v1/push`` (tiny JSON),
``POST /submission`` (an OpenRosa submission: 201 with an OpenRosaResponse), ``POST
/requests.json`` (an Open311 GeoReport v2 service request: 201 with the new id).
"""

import argparse
import itertools

import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

OPENROSA_OK = (b"<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\">"
               b"<message nature=\"submit_success\">Success</message></OpenRosaResponse>")

app = FastAPI()
_ids = itertools.count(100001)


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@app.post("/v1/push")
async def push(request: Request) -> dict[str, object]:
    body = await request.body()
    return {"ok": True, "bytes": len(body)}


@app.post("/submission")
async def submission(request: Request) -> Response:
    await request.body()
    return Response(OPENROSA_OK, status_code=201, media_type="text/xml; charset=utf-8",
                    headers={"X-OpenRosa-Version": "1.0"})


@app.post("/requests.json")
async def service_request(request: Request) -> JSONResponse:
    await request.body()
    return JSONResponse([{"service_request_id": str(next(_ids)), "service_notice": ""}],
                        status_code=201)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    uvicorn.run(app, host="127.0.0.1", port=p.parse_args().port, log_level="info")
